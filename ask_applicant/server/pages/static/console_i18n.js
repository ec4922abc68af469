// The console's English and Korean text. Elements carry `data-i18n="key"`; views call
// `t(key, vars)` when they draw.

const STRINGS = {
  en: {
    consoleTitle: "Applicant's console",
    tabConversations: "Conversations",
    tabUnanswered: "Unanswered",
    tabLeads: "Leads",
    tabLinks: "Links and keys",
    tabActivity: "Activity",
    tabExport: "Export and forget",
    signOut: "Sign out",
    allLinks: "All links and keys",
    since: "From",
    until: "To",
    search: "Search messages",
    filter: "Filter",
    noConversations: "No conversations match.",
    untitled: "Untitled conversation",
    back: "Back to the list",
    you: "Question",
    path: "Agents",
    toolsUsed: "Tools",
    sources: "Sources",
    none: "none",
    kind_answered: "answered",
    kind_not_in_profile: "not in profile",
    kind_refused: "refused",
    kind_help: "help text",
    question: "Question",
    count: "Times asked",
    lastAsked: "Last asked",
    noUnanswered: "Every question so far was answered from the profile.",
    name: "Name",
    email: "E-mail",
    company: "Company",
    message: "Message",
    received: "Received",
    delivery: "Webhook",
    delivery_none: "no webhook",
    delivery_pending: "pending",
    delivery_delivered: "delivered",
    delivery_failed: "failed",
    attempts: "{n} attempts",
    noLeads: "No recruiter has left contact details yet.",
    newLink: "New share link",
    linkName: "Who it is for",
    expiresDays: "Expires after (days, optional)",
    create: "Create",
    linkCreated: "Send this URL to {name}; it is shown only now:",
    prefix: "Prefix",
    status: "Status",
    conversations: "Conversations",
    lastUsed: "Last used",
    revoke: "Revoke",
    confirmAgain: "Click again to confirm",
    never: "never",
    noLinks: "No share links yet.",
    apiKeys: "API keys",
    keyName: "Key holder",
    role: "Role",
    revoked: "revoked",
    active: "active",
    keyCreated: "The key for {name}, shown only now:",
    questions: "Questions",
    completed: "Answered runs",
    refusalRate: "Refused",
    unansweredRate: "Not answered from the profile",
    medianFirst: "Median time to first text",
    perDay: "Questions per day",
    byAgent: "Answers by agent",
    exportTitle: "Export conversations",
    exportJson: "Download JSON",
    exportCsv: "Download CSV",
    forgetTitle: "Forget a recruiter",
    forgetBody: "Deletes every conversation, answer and lead a link's recruiter left. The link itself stays.",
    forget: "Delete their data",
    forgotten: "Deleted {conversations} conversations, {runs} answers and {leads} leads.",
    signedOut: "Your console session has ended. Sign in again.",
    failed: "Something went wrong: {detail}",
  },
  ko: {
    consoleTitle: "지원자 콘솔",
    tabConversations: "대화",
    tabUnanswered: "답하지 못한 질문",
    tabLeads: "연락 요청",
    tabLinks: "링크와 키",
    tabActivity: "활동",
    tabExport: "내보내기와 삭제",
    signOut: "로그아웃",
    allLinks: "모든 링크와 키",
    since: "시작일",
    until: "종료일",
    search: "메시지 검색",
    filter: "적용",
    noConversations: "조건에 맞는 대화가 없습니다.",
    untitled: "제목 없는 대화",
    back: "목록으로",
    you: "질문",
    path: "에이전트",
    toolsUsed: "도구",
    sources: "출처",
    none: "없음",
    kind_answered: "답변함",
    kind_not_in_profile: "프로필에 없음",
    kind_refused: "거절",
    kind_help: "안내 문구",
    question: "질문",
    count: "질문 횟수",
    lastAsked: "마지막 질문",
    noUnanswered: "지금까지의 질문은 모두 프로필로 답했습니다.",
    name: "이름",
    email: "이메일",
    company: "회사",
    message: "메시지",
    received: "받은 시각",
    delivery: "웹훅",
    delivery_none: "웹훅 없음",
    delivery_pending: "대기 중",
    delivery_delivered: "전달됨",
    delivery_failed: "실패",
    attempts: "{n}회 시도",
    noLeads: "아직 연락처를 남긴 채용 담당자가 없습니다.",
    newLink: "새 공유 링크",
    linkName: "받는 사람",
    expiresDays: "유효 기간 (일, 선택)",
    create: "만들기",
    linkCreated: "{name}에게 이 주소를 보내세요. 지금만 표시됩니다:",
    prefix: "접두사",
    status: "상태",
    conversations: "대화",
    lastUsed: "마지막 사용",
    revoke: "사용 중지",
    confirmAgain: "한 번 더 눌러 확인",
    never: "없음",
    noLinks: "아직 공유 링크가 없습니다.",
    apiKeys: "API 키",
    keyName: "키 소유자",
    role: "역할",
    revoked: "중지됨",
    active: "사용 중",
    keyCreated: "{name}의 키입니다. 지금만 표시됩니다:",
    questions: "질문",
    completed: "완료된 답변",
    refusalRate: "거절",
    unansweredRate: "프로필로 답하지 못함",
    medianFirst: "첫 글자까지 걸린 시간 (중앙값)",
    perDay: "일별 질문 수",
    byAgent: "에이전트별 답변",
    exportTitle: "대화 내보내기",
    exportJson: "JSON 내려받기",
    exportCsv: "CSV 내려받기",
    forgetTitle: "채용 담당자 데이터 삭제",
    forgetBody: "링크의 채용 담당자가 남긴 대화, 답변, 연락 요청을 모두 삭제합니다. 링크는 남습니다.",
    forget: "데이터 삭제",
    forgotten: "대화 {conversations}개, 답변 {runs}개, 연락 요청 {leads}개를 삭제했습니다.",
    signedOut: "콘솔 세션이 끝났습니다. 다시 로그인하세요.",
    failed: "문제가 생겼습니다: {detail}",
  },
};

let current = "en";

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = STRINGS[lang] ? lang : "en";
  document.documentElement.lang = current;
  try {
    localStorage.setItem("aa-console-lang", current);
  } catch {
    // Storage may be off; the choice then lasts for this page only.
  }
  for (const element of document.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
}

export function initialLanguage() {
  let saved = null;
  try {
    saved = localStorage.getItem("aa-console-lang");
  } catch {
    saved = null;
  }
  return saved || document.documentElement.lang || "en";
}

export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}
