/** What the server itself established about the traveller of a turn, never read from the activity. */
export interface TrustedTurn {
  /** The platform user the platform vouched for (its signed assertion, bound to the Direct Line token). */
  platformUserId?: string;
  /** Who is calling, for limits across conversations (the Direct Line client's address). */
  clientKey?: string;
}
