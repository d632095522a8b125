// Starts the NHS.UK design system's components (header menu, error summary, character counts).
// Every page works without this file; it only adds the design system's enhancements.
import { initAll } from "../wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js";

// The design system starts its components only on a body marked as supported, which its
// templates do with an inline script; the Content Security Policy allows no inline script,
// so this file marks the body itself (a module script runs once the body is parsed).
function markFrontendSupported() {
  if ("noModule" in HTMLScriptElement.prototype) {
    document.body.classList.add("nhsuk-frontend-supported");
  }
}

markFrontendSupported();
initAll();

// After a successful post (a confirmation message on the page and no error summary), move
// focus to the page's main heading, so keyboard and screen reader users start at the new
// content rather than at the top of the page. The error summary takes focus itself, and a
// link to a place on the page (such as "#reading-progress") keeps the browser's own start.
function focusHeadingAfterSuccess() {
  if (!document.querySelector("[data-boardready-success]")) return;
  if (document.querySelector(".nhsuk-error-summary")) return;
  if (window.location.hash && document.getElementById(window.location.hash.slice(1))) return;
  const heading = document.querySelector("main h1");
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus();
}

focusHeadingAfterSuccess();
