// Named moderator accounts (`npm run moderate -- user …`, the web UI's login): each moderator
// signs what they do. The shared MODERATION_PASSWORD still opens the UI, for a one-person site.
import { findStaffAuthor } from "./authors.ts";
import { ModerationError } from "./moderation.ts";
import { generatePassword, hashPassword, verifyPassword } from "./password.ts";
import type { CommentStore, ModeratorAccount } from "./store/types.ts";

const NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/u;

/** What a moderator is called in the actions recorded on comments, when they used the shared password. */
export const SHARED_PASSWORD_ACTOR = "mot de passe commun";

/** Creates an account and gives back its password, made here, shown once. */
export async function addModerator(store: CommentStore, contentDir: string, name: string, authorId: string | null): Promise<string> {
  if (!NAME.test(name)) throw new ModerationError(`« ${name} » : un identifiant de 2 à 40 caractères, minuscules, chiffres, point, tiret ou souligné (par ex. claire.m).`);
  if (authorId !== null && findStaffAuthor(contentDir, authorId) === undefined) {
    throw new ModerationError(`« ${authorId} » n’est pas un membre de la rédaction (content/authors/${authorId}.yaml avec staff: true).`);
  }
  const password = generatePassword();
  const { salt, hash } = hashPassword(password);
  const added = await store.addModerator({ name, passwordSalt: salt.toString("hex"), passwordHash: hash.toString("hex"), authorId }, new Date());
  if (!added) throw new ModerationError(`Le compte « ${name} » existe déjà.`);
  return password;
}

// Checked against when there is no such account, so that an unknown name takes as long to refuse.
const NOBODY = hashPassword(generatePassword());

/** The account, if the name and password open it and it is not disabled. */
export async function checkModerator(store: CommentStore, name: string, password: string): Promise<ModeratorAccount | undefined> {
  const account = await store.getModerator(name);
  const stored = account === undefined ? NOBODY : { salt: Buffer.from(account.passwordSalt, "hex"), hash: Buffer.from(account.passwordHash, "hex") };
  const ok = verifyPassword(password, stored);
  return ok && account !== undefined && !account.disabled ? account : undefined;
}
