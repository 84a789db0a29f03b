// The comment form with JavaScript: posts in place, shows errors beside the fields, keeps the
// text until the inbox has it, and turns reply links into in-place replies. Without this
// script the same form and links still work (see the inbox's reply and error pages). Its words
// come from the form's data attributes (src/i18n/comments.fr.ts).

type FieldErrors = Partial<Record<string, string>>;

export function enhanceCommentForm(form: HTMLFormElement): void {
  const field = (name: string): HTMLInputElement | null => form.elements.namedItem(name) as HTMLInputElement | null;
  const notices = [...document.querySelectorAll<HTMLElement>("[data-notify-answer]")];
  const notice = (answer: unknown): HTMLElement | undefined => notices.find((p) => p.dataset.notifyAnswer === answer) ?? notices[0];
  const general = form.querySelector<HTMLElement>("[data-form-error]");
  const networkError = general?.dataset.formError ?? "";
  const replying = form.querySelector<HTMLElement>("[data-replying]");
  const replyingText = form.querySelector<HTMLElement>("[data-replying-text]");
  const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const endpoint = form.action.replace(/\/$/, "");
  const sent = document.querySelector<HTMLElement>("[data-comment-sent]");
  const empty = document.querySelector<HTMLElement>(".comments-empty");

  // Back from a post sent before this script ran (the inbox answered 303 to the pending notice's
  // anchor): the notice stays, the anchor goes, so reloading the page does not thank the reader again.
  const landed = notices.find((p) => location.hash === `#${p.id}`);
  if (landed) {
    landed.classList.add("is-visible");
    history.replaceState(history.state, "", location.pathname + location.search);
  }

  // The signed time lets the inbox tell a human from a bot that fills the form instantly.
  let asked = false;
  form.addEventListener("focusin", () => {
    if (asked) return;
    asked = true;
    fetch(`${endpoint}/token`)
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { ts?: unknown } | null) => {
        const ts = field("ts");
        if (ts && typeof data?.ts === "string") ts.value = data.ts;
      })
      .catch(() => undefined);
  });

  const setParent = (id: string, author: string): void => {
    const parent = field("parent");
    if (parent) parent.value = id;
    if (replying && replyingText) {
      replyingText.textContent = id ? `${replyingText.dataset.replyingText} ${author}.` : "";
      replying.hidden = !id;
    }
  };

  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>("a[data-reply-to]");
    if (!link) return;
    event.preventDefault();
    setParent(link.dataset.replyTo ?? "", link.dataset.replyAuthor ?? "");
    const first = ["name", "email", "body"].map(field).find((input) => input && !input.value) ?? field("body");
    first?.focus();
  });
  form.querySelector("[data-cancel-reply]")?.addEventListener("click", () => setParent("", ""));

  // What the reader sent stays on the page, marked as waiting: the text does not vanish, and
  // "no comment yet" no longer contradicts it.
  const showSent = (name: string, body: string, replyingTo: string): void => {
    if (!sent) return;
    const item = document.createElement("li");
    const status = document.createElement("p");
    status.className = "comment-sent__status";
    status.textContent = [replyingTo, sent.dataset.status].filter(Boolean).join(" ");
    const author = document.createElement("p");
    author.className = "comment-sent__author";
    author.textContent = name.trim();
    const text = document.createElement("p");
    text.className = "comment-sent__body";
    text.textContent = body.trim();
    item.append(author, status, text);
    sent.querySelector("ol")?.append(item);
    sent.hidden = false;
    if (empty) empty.hidden = true;
  };

  const showErrors = (errors: FieldErrors, message: string): void => {
    let focus: HTMLElement | null = null;
    for (const slot of form.querySelectorAll<HTMLElement>("[data-error-for]")) {
      const name = slot.dataset.errorFor ?? "";
      const error = errors[name] ?? "";
      slot.textContent = error;
      const input = field(name);
      if (input) {
        if (error) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
        if (error && !focus) focus = input;
      }
    }
    const other = [errors.parent, message].filter(Boolean).join(" ");
    if (general) general.textContent = other;
    if (errors.parent) setParent("", "");
    (focus ?? general)?.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showErrors({}, "");
    for (const p of notices) p.classList.remove("is-visible");
    if (submit) submit.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      });
      const data = (await response.json().catch(() => ({}))) as { errors?: FieldErrors; message?: string; ts?: string; notify?: string };
      if (response.ok) {
        showSent(field("name")?.value ?? "", field("body")?.value ?? "", replying?.hidden === false ? (replyingText?.textContent ?? "") : "");
        form.reset();
        // A signed time serves one comment: the next one asks for its own.
        asked = false;
        const ts = field("ts");
        if (ts) ts.value = "";
        setParent("", "");
        // Says whether a confirmation e-mail is on its way, or that none will come.
        const pending = notice(data.notify);
        pending?.classList.add("is-visible");
        pending?.focus();
        return;
      }
      // Asked to send again (too fast, or a form time already used): with the new time it brings.
      const ts = field("ts");
      if (ts && typeof data.ts === "string") ts.value = data.ts;
      showErrors(data.errors ?? {}, data.errors ? "" : (data.message ?? networkError));
    } catch {
      showErrors({}, networkError);
    } finally {
      if (submit) submit.disabled = false;
    }
  });
}
