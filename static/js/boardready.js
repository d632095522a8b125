// Starts the NHS.UK design system's components (error summary, character counts and so on).
// Every page works without this file; it only adds the design system's enhancements.
import { initAll } from "../wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js";

import "./session-timeout.js";

// The design system only starts its components on a page whose body says it is supported; its
// own snippet for that is an inline <script>, which the Content Security Policy refuses.
document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initAll();

// The header's "More" menu is a <details> that works alone; here it also closes on Escape and
// when the person clicks elsewhere, as a menu should.
for (const menu of document.querySelectorAll(".br-nav-more__details")) {
  document.addEventListener("click", (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
}

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
