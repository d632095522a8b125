// Starts the NHS.UK design system's components (header menu, error summary, character counts).
// Every page works without this file; it only adds the design system's enhancements.
import { initAll } from "../wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js";

import "./session-timeout.js";

initAll();
