// Saves self-assessment answers as they change, so nothing is lost if the session times out.
// The form works without this file: every page submit saves the answers too.
const form = document.querySelector("form[data-autosave-url]");

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
        headers: { "X-CSRFToken": token },
        credentials: "same-origin",
      });
      status.textContent = response.ok
        ? "Your answer is saved."
        : "We could not save that answer. It will be saved when you continue.";
    } catch {
      status.textContent = "We could not save that answer. It will be saved when you continue.";
    }
  });
}
