/** A feed document that cannot be read; `message` is fit to show an admin. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}
