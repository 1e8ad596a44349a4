// Runs first thing in <body>: tells GOV.UK Frontend's styles that JavaScript runs and whether
// this browser is one its components support (one that understands ES modules).
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
