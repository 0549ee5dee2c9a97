// @ts-check
/**
 * The words of the learning pages (tools/learn.js) in en-GB: written for diarycard from the
 * SCM teaching the service uses, so a translation keeps their meaning, not only their
 * words. Added to the kit's when the pages load; another language is a JSON file beside
 * this one (see shared/words.js).
 */
export default Object.freeze({
  "learn.impulsivity.title": "What impulsivity is",
  "learn.impulsivity.1": "Everyone acts on impulse sometimes. For some people it happens often, fast, and with costs they did not want. Your clinician may talk about three kinds:",
  "learn.impulsivity.2.1": "Not attending: your attention drifts. You get bored quickly, find it hard to stay with one thing, and jump to whatever comes into your mind.",
  "learn.impulsivity.2.2": "Not planning: you do not stop to think about what happens next. The pull of the moment, or the thrill of a risk, crowds out the consequences.",
  "learn.impulsivity.2.3": "Acting: you go straight into action without a pause. Good feelings can set this off as well as painful ones.",
  "learn.impulsivity.3": "None of this is about being a bad person. These are patterns, and patterns can change. The first step is to notice them: which feeling came first, what the urge was, what you noticed in yourself, and what you did.",
  "learn.impulsivity.4": "That is what your diary is for. Over the weeks it shows you, and your clinician, when urges come and what helps.",
  "learn.urges.title": "Why urges rise and pass",
  "learn.urges.1": "An urge is like a wave. It builds, reaches a peak, and then falls away, even when you do nothing about it. At the peak it can feel as if it will never stop. It does.",
  "learn.urges.2": "Acting on an urge can bring quick relief. The trouble is that the relief teaches your mind to expect it, so the next urge often comes back sooner and stronger.",
  "learn.urges.3": "Each time you let an urge pass without acting on it, you learn that you can. It often gets a little easier the next time.",
  "learn.urges.4": "Things that can help you ride the wave:",
  "learn.urges.5.1": "Wait before you act: say to yourself \"not yet, ten minutes\", and check again after.",
  "learn.urges.5.2": "Do your helpful response, the one in your table.",
  "learn.urges.5.3": "Move: go to another room, step outside, or change what you are doing.",
  "learn.urges.5.4": "Slow your breathing: in for 4, out for 6.",
  "learn.urges.6": "If an urge to hurt yourself or someone else feels too strong, open your crisis plan and call someone on it.",
  "learn.feelings.title": "How feelings and urges link",
  "learn.feelings.1": "An urge rarely comes out of nowhere. Most of the time a feeling comes first: lonely, bored, ashamed, angry, excited. The urge is a push to make that feeling stop, or to get more of it.",
  "learn.feelings.2": "Feelings are not the problem. Everyone has them, and they make sense when you look at what happened just before. What can cause harm is acting on the urge straight away, without a gap.",
  "learn.feelings.3": "Putting a name to the feeling makes that gap. Saying \"I feel rejected\" gives you a moment to choose what to do next, instead of the urge choosing for you.",
  "learn.feelings.4": "That is why your diary asks for the feeling as well as the urge: the link between them is what you and your clinician work on.",
  "learn.sessions.title": "What your sessions are for",
  "learn.sessions.1": "Structured clinical management (SCM) gives you regular, reliable appointments with the same clinician. Together you agree what you want to work on, set goals, and make a crisis plan for the hard times.",
  "learn.sessions.2": "Much of the work is problem solving, in four steps: say clearly what the problem is, think of different ways to deal with it, choose one and plan it, then try it and see how it went.",
  "learn.sessions.3": "Mentalization-based treatment (MBT) helps you make sense of what goes on in your own mind and in other people's: feelings, wishes, beliefs and reasons. When feelings run high, we all jump to quick, certain ideas about what others think. Sessions practise slowing down and staying curious.",
  "learn.sessions.4": "Your diary brings what happened between sessions into the room, so the time you have together is spent on what matters to you. Bring the things you are unsure about, too.",
  "learn.title": "Understanding urges and feelings",
  "learn.lead": "Short pages to read when you want to. They work with no signal.",
  "learn.source": "Written for diarycard from the teaching your service uses. Your clinician knows you: talk it over with them.",
  "learn.next": "Read next",
  "learn.all": "All pages",
  "learn.link.urges": "Why urges rise and pass",
  "learn.link.crisis": "Open my crisis plan",
  "learn.link.emotions": "Strong feelings",
  "learn.link.name_feeling": "Name a feeling now",
  "learn.link.problem-solving": "Problem solving",
  "learn.link.checking-it-out": "Checking it out",
});
