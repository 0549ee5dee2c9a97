// @ts-check
import { h } from "../shared/dom.js";
import { registerScreen } from "./registry.js";

registerScreen({
  path: "/not-found",
  title: "Page not found",
  public: true,
  render(main) {
    main.append(
      h("h1", { text: "We could not find that page" }),
      h("p", {}, h("a", { href: "/", class: "button", text: "Go to the start" })),
    );
  },
});
