// A real SMTP server (smtp-server) for tests of what the inbox mails: moderator alerts, readers'
// notifications. Each message is parsed just enough to read its envelope, headers and text.
import assert from "node:assert/strict";
import { SMTPServer } from "smtp-server";

export interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** A header's value, unfolded, "" when absent. */
  header: (name: string) => string;
}

function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/gu, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/giu, (_, encoding: string, data: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/gu, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/gu, "").replace(/=([0-9A-F]{2})/giu, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/giu, "%25"));
}

// Just enough of RFC 5322 and MIME for the single-part text messages the inbox sends.
function parse(raw: string, envelope: { from: string; to: string[] }): Received {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/gu, " ");
  const header = (name: string): string => new RegExp(`^${name}: (.*)$`, "imu").exec(headers)?.[1]?.trim() ?? "";
  const body = raw.slice(split + 4);
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  assert.match(header("Content-Type"), /^text\/plain; charset=utf-8/iu);
  return { ...envelope, subject: decodeWords(header("Subject")), text: text.replace(/\r\n/gu, "\n"), header };
}

export async function startSmtp(port: number): Promise<{ received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make up for the test.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = {
          from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        };
        received.push(parse(Buffer.concat(chunks).toString("utf8"), envelope));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
