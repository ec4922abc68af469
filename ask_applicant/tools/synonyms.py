"""Other names of common technologies, and the vocabulary a job description is read with."""

from __future__ import annotations

# Each group names one technology; any member finds the others (English, Korean, short forms).
_GROUPS = (
    ("python", "파이썬"), ("java", "자바"), ("kotlin", "코틀린"), ("go", "golang", "고랭"),
    ("javascript", "자바스크립트"), ("typescript", "타입스크립트"), ("rust", "러스트"),
    ("kubernetes", "k8s", "쿠버네티스"), ("docker", "도커"), ("kafka", "카프카"),
    ("redis", "레디스"), ("postgresql", "postgres", "포스트그레스"), ("mysql",),
    ("spring boot", "스프링 부트"), ("spring", "스프링"), ("django", "장고"), ("fastapi",),
    ("flask", "플라스크"), ("aws", "amazon web services", "아마존 웹 서비스"),
    ("gcp", "google cloud"), ("azure",), ("terraform", "테라폼"), ("react", "리액트"),
    ("node.js", "nodejs"), ("graphql",), ("grpc",), ("rabbitmq",),
    ("elasticsearch", "엘라스틱서치"),
    ("mongodb", "몽고디비"), ("airflow",), ("spark", "스파크"), ("linux", "리눅스"),
    ("ci/cd", "cicd"), ("jenkins",), ("github actions",), ("argo cd", "argocd"),
    ("prometheus",), ("grafana",), ("opentelemetry",), ("datadog",),
    ("microservices", "msa", "마이크로서비스"), ("distributed systems", "분산 시스템"),
    ("event-driven", "이벤트 기반"), ("machine learning", "머신러닝", "머신 러닝"),
    ("llm", "large language model", "대규모 언어 모델"), ("rag",), ("openai",),
    ("websocket", "웹소켓"), ("celery",), ("asyncio",), ("pytest",), ("jpa",), ("sqlalchemy",),
    ("tdd", "test-driven", "테스트 주도"), ("ddd", "domain-driven"), ("scala",), ("c++",),
    ("c#",), ("ruby",), ("rails",), ("php",), ("swift",), ("vue",), ("angular",), ("nestjs",),
    ("dynamodb",), ("cassandra",), ("snowflake",), ("bigquery",), ("flink",), ("hadoop",),
    ("helm",), ("ansible",), ("nginx",), ("oracle",), ("sql",), ("nosql",),
    ("payments", "결제"), ("settlement", "정산"), ("mentoring", "멘토링"),
)  # fmt: skip

# Fields of work, named by what their people do: a test engineer's years are QA years.
# They count years and meet their other names, but a job description naming "개발" asks
# for no skill.
_FIELDS = (
    ("qa", "quality assurance", "testing", "tester", "test engineer", "test automation",
     "테스트 엔지니어", "테스트 자동화", "품질 보증"),
    ("embedded", "임베디드", "firmware", "펌웨어", "microcontroller", "마이크로컨트롤러"),
    ("security", "보안", "정보보안", "정보보호", "infosec", "cybersecurity", "사이버보안"),
    ("development", "개발", "developer", "개발자", "software development", "소프트웨어 개발",
     "software engineering"),
    ("freelance", "freelancing", "freelancer", "contract", "contractor", "subcontracted",
     "self-employed", "프리랜서"),
)  # fmt: skip

TECH_TERMS: tuple[str, ...] = tuple(group[0] for group in _GROUPS)
_BY_NAME = {name: group for group in (*_GROUPS, *_FIELDS) for name in group}


def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Every group of names for one technology (English, Korean, short forms)."""
    return _GROUPS


def variants(term: str) -> tuple[str, ...]:
    """A term and its other names (``k8s`` → kubernetes, k8s, 쿠버네티스)."""
    key = " ".join(term.lower().split())
    return _BY_NAME.get(key, (key,))


def canonical(term: str) -> str:
    """The first name of a term's group, so "쿠버네티스" and "Kubernetes" count as one skill."""
    return variants(term)[0]
