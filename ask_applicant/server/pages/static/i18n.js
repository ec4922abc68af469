// English and Korean UI text. Elements carry `data-i18n="key"` (text),
// `data-i18n-attr="attr:key,attr:key"` (attributes) and optional `data-i18n-vars` (JSON),
// so switching language re-translates everything already on the page.

const STRINGS = {
  en: {
    pageTitle: "Ask {name}",
    skip: "Skip to the question",
    conversations: "Conversations",
    newChat: "New conversation",
    noConversations: "No conversations yet.",
    untitled: "Untitled conversation",
    menu: "Conversations",
    closeMenu: "Close",
    cancel: "Cancel",
    rename: "Rename",
    renameTitle: "New title for the conversation",
    delete: "Delete",
    confirmDelete: "Delete this conversation? This cannot be undone.",
    conversationActions: "Actions for {title}",
    language: "Language",
    intro: "Ask about {name}'s experience, projects and skills. Every answer comes from the profile and names its sources.",
    introAnon: "Ask about the applicant's experience, projects and skills. Every answer comes from the profile and names its sources.",
    suggestions: "Try asking",
    questionLabel: "Your question",
    placeholder: "Ask a question… (Enter sends, Shift+Enter adds a line)",
    send: "Send",
    stop: "Stop",
    you: "You",
    answer: "Answer",
    thinking: "Thinking…",
    answering: "Answering…",
    answered: "Answer complete.",
    agent_triage: "Front desk",
    agent_resume: "Resume specialist",
    agent_project: "Project specialist",
    agent_career: "Career specialist",
    agentsPath: "Who answered",
    tools: "Tools used ({count})",
    toolInput: "Input",
    toolOutput: "Result",
    sources: "Sources",
    refused: "Politely declined",
    stopped: "Stopped. The part written so far is kept.",
    failed: "The answer could not be finished. {detail}",
    retry: "Try again",
    reconnecting: "Connection lost; reconnecting…",
    offline: "You are offline; the answer continues when the connection is back.",
    networkError: "Could not reach the service. Check your connection and try again.",
    sendFailed: "The question was not sent. {detail}",
    rateLimited: "Too many questions at once; try again in {seconds} seconds.",
    conversationMissing: "This conversation does not exist or belongs to someone else. A new one is open.",
    signedOutTitle: "Open your share link",
    signedOutBody: "This chat opens from the personal link the applicant shared with you. Open that link again (it signs you in on this browser), or ask the applicant for a new one.",
    signedOutWidget: "Open the chat in a new tab",
    loading: "Loading…",
  },
  ko: {
    pageTitle: "{name}에게 물어보세요",
    skip: "질문 입력으로 건너뛰기",
    conversations: "대화 목록",
    newChat: "새 대화",
    noConversations: "아직 대화가 없습니다.",
    untitled: "제목 없는 대화",
    menu: "대화 목록",
    closeMenu: "닫기",
    cancel: "취소",
    rename: "이름 바꾸기",
    renameTitle: "대화의 새 제목",
    delete: "삭제",
    confirmDelete: "이 대화를 삭제할까요? 되돌릴 수 없습니다.",
    conversationActions: "{title} 대화 관리",
    language: "언어",
    intro: "{name}의 경력, 프로젝트, 기술에 대해 물어보세요. 모든 답변은 프로필에서 나오며 출처를 밝힙니다.",
    introAnon: "지원자의 경력, 프로젝트, 기술에 대해 물어보세요. 모든 답변은 프로필에서 나오며 출처를 밝힙니다.",
    suggestions: "이런 질문은 어떠세요",
    questionLabel: "질문",
    placeholder: "질문을 입력하세요… (Enter 보내기, Shift+Enter 줄바꿈)",
    send: "보내기",
    stop: "중지",
    you: "나",
    answer: "답변",
    thinking: "생각하는 중…",
    answering: "답변하는 중…",
    answered: "답변이 끝났습니다.",
    agent_triage: "안내 데스크",
    agent_resume: "이력 담당",
    agent_project: "프로젝트 담당",
    agent_career: "경력 담당",
    agentsPath: "답변한 담당자",
    tools: "사용한 도구 ({count})",
    toolInput: "입력",
    toolOutput: "결과",
    sources: "출처",
    refused: "정중히 거절함",
    stopped: "중지했습니다. 지금까지 작성된 답변은 남겨 둡니다.",
    failed: "답변을 끝내지 못했습니다. {detail}",
    retry: "다시 시도",
    reconnecting: "연결이 끊겼습니다. 다시 연결하는 중…",
    offline: "오프라인 상태입니다. 연결되면 답변이 이어집니다.",
    networkError: "서비스에 연결할 수 없습니다. 연결을 확인하고 다시 시도해 주세요.",
    sendFailed: "질문을 보내지 못했습니다. {detail}",
    rateLimited: "질문이 너무 많습니다. {seconds}초 뒤에 다시 시도해 주세요.",
    conversationMissing: "이 대화는 없거나 다른 사람의 대화입니다. 새 대화를 열었습니다.",
    signedOutTitle: "공유 링크를 열어 주세요",
    signedOutBody: "이 채팅은 지원자가 보낸 개인 링크로 열립니다. 그 링크를 다시 열면 이 브라우저에서 로그인됩니다. 링크가 만료되었다면 지원자에게 새 링크를 요청해 주세요.",
    signedOutWidget: "새 탭에서 채팅 열기",
    loading: "불러오는 중…",
  },
};

export const LANGUAGES = Object.keys(STRINGS);
const STORAGE_KEY = "ask-applicant.lang";
let current = "en";

/** The language to start with: a saved choice, else the browser's, else English. */
export function initialLanguage() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (third-party iframes): the browser's language then decides.
  }
  if (saved && STRINGS[saved]) return saved;
  for (const tag of navigator.languages || [navigator.language || "en"]) {
    const base = String(tag).toLowerCase().split("-")[0];
    if (STRINGS[base]) return base;
  }
  return "en";
}

export function language() {
  return current;
}

/** The text for `key` in the current language with `{name}` placeholders filled. */
export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Marks `node` for translation and translates it now. */
export function label(node, key, vars) {
  node.dataset.i18n = key;
  if (vars) node.dataset.i18nVars = JSON.stringify(vars);
  else delete node.dataset.i18nVars;
  node.textContent = t(key, vars);
  return node;
}

function varsOf(node) {
  try {
    return node.dataset.i18nVars ? JSON.parse(node.dataset.i18nVars) : {};
  } catch {
    return {};
  }
}

/** Translates every marked element under `root`. */
export function translate(root = document) {
  for (const node of root.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n, varsOf(node));
  }
  for (const node of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of node.dataset.i18nAttr.split(",")) {
      const [attr, key] = pair.split(":");
      node.setAttribute(attr, t(key, varsOf(node)));
    }
  }
}

/** Switches the UI language, remembers it, and re-translates the page. */
export function setLanguage(lang, { remember = true } = {}) {
  current = STRINGS[lang] ? lang : "en";
  document.documentElement.lang = current;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, current);
    } catch {
      // Not remembered; the page still switches.
    }
  }
  translate();
}
