// Starts the NHS.UK design system's components (error summary, character counts and so on).
// Every page works without this file; it only adds the design system's enhancements.
import { initAll } from "../wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js";

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
