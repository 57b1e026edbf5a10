// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen readers announce the errors at once.
  const summary = document.querySelector("[data-testid='error-summary']");
  if (summary) summary.focus();
});
