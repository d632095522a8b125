// Saves self-assessment answers as they change, so nothing is lost if the session times out.
// The form works without this file: every page submit saves the answers too.
//
// Only a JSON reply that says how many answers were saved counts as saved. A redirect (to the
// sign-in page, once the session has ended) or any other reply is "not saved", and the status
// line says so.
const form = document.querySelector("form[data-autosave-url]");

const NOT_SAVED = "We could not save that answer. It will be saved when you continue.";
const SIGNED_OUT =
  "That answer is not saved because you have been signed out. Sign in again, then choose your answer again.";

async function saved(response) {
  if (response.type === "opaqueredirect") {
    return SIGNED_OUT;
  }
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok || !type.startsWith("application/json")) {
    return NOT_SAVED;
  }
  const data = await response.json();
  return typeof data.saved === "number" ? "Your answer is saved." : NOT_SAVED;
}

if (form) {
  const status = form.querySelector("[data-autosave-status]");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  form.addEventListener("change", async (event) => {
    const input = event.target;
    if (!input.name || !input.name.startsWith("item-")) {
      return;
    }
    const body = new FormData();
    body.append(input.name, input.value);
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": token, Accept: "application/json" },
        credentials: "same-origin",
        redirect: "manual",
      });
      status.textContent = await saved(response);
    } catch {
      status.textContent = NOT_SAVED;
    }
  });
}
