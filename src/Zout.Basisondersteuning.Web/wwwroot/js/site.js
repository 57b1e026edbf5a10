// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen readers announce the errors at once.
  const summary = document.querySelector("[data-testid='error-summary']");
  if (summary) summary.focus();
});

// Autosave: a scan section form with data-autosave is saved as a draft while the user types.
// Saving for real stays the Opslaan button; without JavaScript nothing changes.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-autosave]");
  if (!form) return;
  const url = form.getAttribute("data-autosave");
  const status = form.querySelector("[data-autosave-status]");
  let timer = null;
  let dirty = false;

  const save = async () => {
    timer = null;
    if (!dirty) return;
    dirty = false;
    try {
      const response = await fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", redirect: "manual" });
      if (response.status === 204) {
        const time = new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
        if (status) status.textContent = "Concept bewaard om " + time + ". Klik op Opslaan om het definitief op te slaan.";
      } else if (response.type === "opaqueredirect" || response.status === 401) {
        if (status) status.textContent = "Uw sessie is verlopen. Klik op Opslaan: u logt opnieuw in en uw invoer blijft bewaard.";
      }
    } catch {
      dirty = true;
    }
  };

  const schedule = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 1500);
  };
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", () => { if (timer) clearTimeout(timer); dirty = false; });
});
