// Starts GOV.UK Frontend's components (service navigation menu, error summary, skip link...).
import { initAll } from "./govuk-frontend.min.js";

initAll();
