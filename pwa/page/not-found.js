// @ts-check
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";
import { registerScreen } from "./registry.js";

registerScreen({
  path: "/not-found",
  title: t("notfound.title"),
  public: true,
  render(main) {
    main.append(
      h("h1", { text: t("notfound.heading") }),
      h("p", {}, h("a", { href: "/", class: "button", text: t("notfound.start") })),
    );
  },
});
