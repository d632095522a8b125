// Warns two minutes before the session ends, with a button to stay signed in.
// Without this file the page says how long sessions last, and a form sent after the session
// has ended is kept for 15 minutes (learning/drafts.py), so nothing typed is lost either way.
const WARN_SECONDS = 120;
const box = document.querySelector("[data-session-warning]");

if (box) {
  const form = box.querySelector("[data-session-warning-form]");
  const idleText = box.querySelector("[data-session-warning-idle]");
  const absoluteText = box.querySelector("[data-session-warning-absolute]");
  const started = Date.now();
  const absoluteEnd = started + Number(box.dataset.absoluteSeconds) * 1000;
  let idleEnd = started + Number(box.dataset.idleSeconds) * 1000;
  let timer;

  const show = () => {
    const absoluteFirst = absoluteEnd <= idleEnd;
    idleText.hidden = absoluteFirst;
    absoluteText.hidden = !absoluteFirst;
    form.hidden = absoluteFirst; // staying longer than 12 hours is not allowed
    box.hidden = false;
  };

  const schedule = () => {
    clearTimeout(timer);
    const end = Math.min(idleEnd, absoluteEnd);
    timer = setTimeout(show, Math.max(end - Date.now() - WARN_SECONDS * 1000, 0));
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        redirect: "manual",
      });
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok || !type.startsWith("application/json")) {
        throw new Error("not signed in");
      }
      const data = await response.json();
      idleEnd = Date.now() + data.idle_seconds * 1000;
      box.hidden = true;
      schedule();
    } catch {
      form.submit(); // the page's own way: sign-in if the session has already ended
    }
  });

  schedule();
}
