// ReDoc's bundle hard-codes its "API docs by Redocly" logo at cdn.redoc.ly, with no option to turn
// it off. Point that one image at a copy served by this site, so the docs page fetches nothing from
// another origin (the Content-Security-Policy would block the CDN request anyway).
(function () {
  var CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
  var local = document.currentScript.dataset.logo;
  var setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (this instanceof HTMLImageElement && name === "src" && value === CDN_LOGO) value = local;
    return setAttribute.call(this, name, value);
  };
  var src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    get: src.get,
    set: function (value) { src.set.call(this, value === CDN_LOGO ? local : value); },
    configurable: true,
  });
})();
