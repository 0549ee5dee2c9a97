// @ts-check
/**
 * Short, plain pages about what the diary is for, written in our own words from the SCM
 * teaching the service uses (psycho-education comes first among its emotion strategies).
 * They are information, not treatment advice: each ends by pointing back to the
 * patient's clinician. Loaded on first use, kept by the service worker for offline.
 */
import { h } from "../../shared/dom.js";

/** @type {Record<string, {title: string, parts: (string | string[])[], links?: [string, string][]}>} */
export const PAGES = {
  impulsivity: {
    title: "What impulsivity is",
    parts: [
      "Everyone acts on impulse sometimes. For some people it happens often, fast, and with costs they did not want. Your clinician may talk about three kinds:",
      [
        "Not attending: your attention drifts. You get bored quickly, find it hard to stay with one thing, and jump to whatever comes into your mind.",
        "Not planning: you do not stop to think about what happens next. The pull of the moment, or the thrill of a risk, crowds out the consequences.",
        "Acting: you go straight into action without a pause. Good feelings can set this off as well as painful ones.",
      ],
      "None of this is about being a bad person. These are patterns, and patterns can change. The first step is to notice them: which feeling came first, what the urge was, what you noticed in yourself, and what you did.",
      "That is what your diary is for. Over the weeks it shows you, and your clinician, when urges come and what helps.",
    ],
    links: [["/tools?tool=learn&page=urges", "Why urges rise and pass"]],
  },
  urges: {
    title: "Why urges rise and pass",
    parts: [
      "An urge is like a wave. It builds, reaches a peak, and then falls away, even when you do nothing about it. At the peak it can feel as if it will never stop. It does.",
      "Acting on an urge can bring quick relief. The trouble is that the relief teaches your mind to expect it, so the next urge often comes back sooner and stronger.",
      "Each time you let an urge pass without acting on it, you learn that you can. It often gets a little easier the next time.",
      "Things that can help you ride the wave:",
      [
        "Wait before you act: say to yourself \"not yet, ten minutes\", and check again after.",
        "Do your helpful response, the one in your table.",
        "Move: go to another room, step outside, or change what you are doing.",
        "Slow your breathing: in for 4, out for 6.",
      ],
      "If an urge to hurt yourself or someone else feels too strong, open your crisis plan and call someone on it.",
    ],
    links: [["/crisis", "Open my crisis plan"], ["/tools?tool=emotions", "Strong feelings"]],
  },
  feelings: {
    title: "How feelings and urges link",
    parts: [
      "An urge rarely comes out of nowhere. Most of the time a feeling comes first: lonely, bored, ashamed, angry, excited. The urge is a push to make that feeling stop, or to get more of it.",
      "Feelings are not the problem. Everyone has them, and they make sense when you look at what happened just before. What can cause harm is acting on the urge straight away, without a gap.",
      "Putting a name to the feeling makes that gap. Saying \"I feel rejected\" gives you a moment to choose what to do next, instead of the urge choosing for you.",
      "That is why your diary asks for the feeling as well as the urge: the link between them is what you and your clinician work on.",
    ],
    links: [["/tools?tool=emotions", "Name a feeling now"], ["/tools?tool=learn&page=urges", "Why urges rise and pass"]],
  },
  sessions: {
    title: "What your sessions are for",
    parts: [
      "Structured clinical management (SCM) gives you regular, reliable appointments with the same clinician. Together you agree what you want to work on, set goals, and make a crisis plan for the hard times.",
      "Much of the work is problem solving, in four steps: say clearly what the problem is, think of different ways to deal with it, choose one and plan it, then try it and see how it went.",
      "Mentalization-based treatment (MBT) helps you make sense of what goes on in your own mind and in other people's: feelings, wishes, beliefs and reasons. When feelings run high, we all jump to quick, certain ideas about what others think. Sessions practise slowing down and staying curious.",
      "Your diary brings what happened between sessions into the room, so the time you have together is spent on what matters to you. Bring the things you are unsure about, too.",
    ],
    links: [["/tools?tool=problem-solving", "Problem solving"], ["/tools?tool=checking-it-out", "Checking it out"]],
  },
};

/** @param {HTMLElement} main @param {any} ctx */
export function render(main, ctx) {
  const page = PAGES[ctx.params.get("page") || ""];
  if (!page) {
    main.append(h("h1", { text: "Understanding urges and feelings" }),
      h("p", { class: "lead", text: "Short pages to read when you want to. They work with no signal." }),
      h("ul", { class: "rows" }, ...Object.entries(PAGES).map(([key, p]) => h("li", {},
        h("a", { class: "row-button", href: `/tools?tool=learn&page=${key}` }, h("span", { class: "row-emotion", text: p.title }))))));
    return;
  }
  document.title = `${page.title} · diarycard`;
  main.append(h("h1", { text: page.title }),
    ...page.parts.map((part) => typeof part === "string" ? h("p", { text: part }) : h("ul", {}, ...part.map((t) => h("li", { text: t })))),
    h("p", { class: "hint", text: "Written for diarycard from the teaching your service uses. Your clinician knows you: talk it over with them." }),
    h("h2", { text: "Read next" }),
    h("ul", {}, ...(page.links || []).map(([href, text]) => h("li", {}, h("a", { href, text }))),
      h("li", {}, h("a", { href: "/tools?tool=learn", text: "All pages" }))));
}
