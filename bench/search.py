"""Speed of "search everything" over generated documents in six languages. Prints `name value unit` lines.

Run: .venv/bin/python bench/search.py --backend sqlite      (a fresh SQLite file in /tmp)
     .venv/bin/python bench/search.py --backend postgres    (a fresh database tsc_hub_bench, dropped after)
     options: --docs N (default 1,000,000), --queries Q (default 200), --keep / --reuse (keep, reuse data)

Documents come from a few hundred words per language with Zipf-like frequencies (Chinese written without
spaces, Arabic with varying alef forms), 20% of records in two languages, and facets. Rows are built by the
same code as the service (tsc_hub.search.services.document_rows) and bulk-loaded (executemany on SQLite,
COPY on PostgreSQL), then the engine index is built in one go. Two query workloads of two words each:
"uniform" (each word of a language's vocabulary equally likely) and "frequent" (words as frequent as in the
text: many queries hit tens of thousands of documents). For each: our search (facet counts, collapsing,
ranking, highlighting, paging) and the floor: the bare engine count of the same query, uncapped.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SQLITE_PATH = Path("/tmp/tsc-hub-bench-search.sqlite3")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"  # --postgres-server changes it
PG_DATABASE = "tsc_hub_bench"
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"]
WORDS = {
    "en": """
biodiversity conservation restoration wetland forest species invasive alien marine coastal mangrove
coral reef ecosystem habitat protected area management monitoring assessment genetic resources benefit
sharing access traditional knowledge indigenous peoples local communities capacity building training
workshop technical scientific cooperation transfer technology data information mapping spatial planning
sustainable agriculture fisheries pollinators soil freshwater river basin climate change adaptation
mitigation finance policy legislation national strategy action plan target indicator reporting taxonomy
barcoding laboratory field survey inventory endangered threatened extinction risk wildlife trade
pollution plastic nutrient pesticide urban green infrastructure landscape seascape connectivity corridor
grassland savanna desert mountain island biosafety organisms gender youth education awareness
participation governance tenure rights valuation economics nature solutions carbon peatland drought fire
seeds gene bank botanical garden museum collection citizen science remote sensing satellite modelling
database platform portal network partnership guidelines toolkit manual course curriculum mentoring
exchange fellowship expert mission advisory services baseline framework global regional country
developing states forestry agroforestry ecotourism livelihoods poverty health zoonotic disease
amphibians birds mammals fish insects plants fungi microorganisms
""",
    "fr": """
biodiversité conservation restauration zone humide forêt espèces exotiques envahissantes marin côtier
mangrove corail récif écosystème habitat aire protégée gestion suivi évaluation ressources génétiques
partage avantages accès connaissances traditionnelles peuples autochtones communautés locales
renforcement capacités formation atelier coopération technique scientifique transfert technologie
données information cartographie planification spatiale utilisation durable agriculture pêche
pollinisateurs sol eau douce rivière bassin climat changement adaptation atténuation financement
politique législation stratégie nationale plan action cible indicateur rapport taxonomie laboratoire
terrain inventaire menacées extinction risque faune commerce pollution plastique nutriments pesticides
urbain infrastructure verte paysage connectivité corridor prairie savane désert montagne île biosécurité
organismes vivants modifiés genre jeunesse éducation sensibilisation participation gouvernance foncier
droits économie nature solutions carbone tourbière sécheresse feu semences banque gènes jardin botanique
musée collection science citoyenne télédétection satellite modélisation base plateforme portail réseau
partenariat lignes directrices outils manuel cours programme mentorat échange bourse expert mission
services conseil référence cadre mondial régional pays petits états insulaires développement foresterie
agroforesterie écotourisme subsistance pauvreté santé maladies zoonotiques amphibiens oiseaux mammifères
poissons insectes plantes champignons micro-organismes
""",
    "es": """
biodiversidad conservación restauración humedal bosque especies exóticas invasoras marino costero
manglar coral arrecife ecosistema hábitat área protegida gestión seguimiento evaluación recursos
genéticos beneficios acceso conocimientos tradicionales pueblos indígenas comunidades locales creación
capacidad formación taller cooperación técnica científica transferencia tecnología datos información
cartografía planificación espacial uso sostenible agricultura pesca polinizadores suelo agua dulce río
cuenca clima cambio adaptación mitigación financiación política legislación estrategia nacional plan
acción meta indicador informe taxonomía laboratorio campo inventario amenazadas extinción riesgo fauna
comercio contaminación plástico nutrientes plaguicidas urbano infraestructura verde paisaje conectividad
corredor pastizal sabana desierto montaña isla bioseguridad organismos vivos modificados género juventud
educación sensibilización gobernanza tenencia derechos economía naturaleza soluciones carbono turbera
sequía fuego semillas banco genes jardín botánico museo colección ciencia ciudadana teledetección
satélite modelización plataforma portal red asociación directrices herramientas manual curso programa
mentoría intercambio beca experto misión servicios asesoramiento marco mundial regional país pequeños
estados insulares desarrollo silvicultura agroforestería ecoturismo pobreza salud enfermedades
zoonóticas anfibios aves mamíferos peces insectos plantas hongos microorganismos
""",
    "ru": """
биоразнообразие сохранение восстановление водно-болотные угодья лес виды инвазивные чужеродные морской
прибрежный мангровые коралловый риф экосистема местообитание охраняемая территория управление мониторинг
оценка генетические ресурсы совместное использование выгод доступ традиционные знания коренные народы
местные общины наращивание потенциала обучение семинар техническое научное сотрудничество передача
технологий данные информация картирование пространственное планирование устойчивое сельское хозяйство
рыболовство опылители почва пресная вода река бассейн климат изменение адаптация смягчение
финансирование политика законодательство национальная стратегия план действий цель показатель отчётность
таксономия лаборатория полевое обследование инвентаризация исчезающие угрожаемые вымирание риск дикая
природа торговля загрязнение пластик пестициды городская зелёная инфраструктура ландшафт связность
коридор луга саванна пустыня горы остров биобезопасность живые организмы гендер молодёжь образование
осведомлённость участие права экономика решения углерод торфяники засуха пожары семена генный банк
ботанический сад музей коллекция гражданская наука дистанционное зондирование спутник моделирование база
платформа портал сеть партнёрство руководство инструменты пособие курс программа наставничество обмен
стипендия эксперт миссия консультационные услуги глобальный региональный страна малые островные
развивающиеся государства лесоводство экотуризм бедность здоровье болезни амфибии птицы рыбы насекомые
""",
    "ar": """
التنوع البيولوجي حفظ استعادة الأراضي الرطبة الغابات الأنواع الغريبة الغازية البحرية الساحلية المانغروف
الشعاب المرجانية النظام الإيكولوجي الموائل المحمية المناطق إدارة رصد تقييم الموارد الجينية تقاسم المنافع
الحصول المعارف التقليدية الشعوب الأصلية المجتمعات المحلية بناء القدرات تدريب حلقة عمل التعاون التقني
العلمي نقل التكنولوجيا البيانات المعلومات الخرائط التخطيط المكاني الاستخدام المستدام الزراعة مصايد
الأسماك الملقحات التربة المياه العذبة النهر الحوض المناخ تغير التكيف التخفيف التمويل السياسات التشريعات
الاستراتيجية الوطنية خطة الهدف المؤشر الإبلاغ التصنيف المختبر الميداني المسح الجرد المهددة بالانقراض
الخطر الحياة البرية التجارة التلوث البلاستيك المغذيات مبيدات الحضرية البنية التحتية الخضراء المناظر
الطبيعية الترابط الممرات المراعي الصحراء الجبال الجزيرة السلامة الأحيائية الكائنات الحية المحورة الشباب
التعليم التوعية المشاركة الحوكمة الحقوق الاقتصاد الطبيعة الحلول الكربون الجفاف الحرائق البذور بنك
الجينات الحديقة النباتية المتحف المجموعة علم المواطن الاستشعار الساتل النمذجة قاعدة منصة البوابة الشبكة
الشراكة مبادئ توجيهية أدوات دليل دورة برنامج الإرشاد تبادل منحة خبير بعثة خدمات استشارية إطار عالمي
إقليمي البلد الدول الجزرية الصغيرة النامية الحراجة السياحة البيئية سبل العيش الفقر الصحة الأمراض
البرمائيات الطيور الثدييات الحشرات النباتات الفطريات المحميّة قُدرة
""",
    "zh": """
生物 多样 保护 恢复 湿地 森林 物种 外来 入侵 海洋 沿海 红树 珊瑚 礁石 生态 系统 栖息
保护区 管理 监测 评估 遗传 资源 惠益 分享 获取 传统 知识 土著 人民 地方 社区 能力
建设 培训 讲习 技术 科学 合作 转让 数据 信息 绘图 空间 规划 可持续 利用 农业 渔业
传粉 土壤 淡水 河流 流域 气候 变化 适应 减缓 资金 政策 立法 国家 战略 行动 计划 目标
指标 报告 分类 条形码 实验室 实地 调查 清单 濒危 威胁 灭绝 风险 野生 动物 贸易 污染
塑料 养分 农药 城市 绿色 基础 设施 景观 连通 走廊 草原 稀树 沙漠 山区 岛屿 生物安全
改性 活生物体 性别 青年 教育 意识 参与 治理 权属 权利 经济 自然 解决 方案 碳汇 泥炭
干旱 火灾 种子 基因库 植物园 博物馆 收藏 公民 遥感 卫星 建模 数据库 平台 门户 网络
伙伴 关系 指南 工具包 手册 课程 辅导 交流 奖学金 专家 咨询 服务 基线 框架 全球 区域
小岛屿 发展中 林业 农林 生态旅游 生计 贫困 健康 人畜共患 疾病 两栖 鸟类 哺乳 鱼类 昆虫
植物 真菌 微生物
""",
}
_NAMES = """
Kunming Montreal Nairobi Amazon Mekong Sahel Andes Borneo Galápagos Congo Danube Himalaya Serengeti
Okavango Sundarbans Madagascar Patagonia Caribbean Pacific Baltic Arctic Zambezi Niger Volga Baikal Gobi
Atacama Yucatán Mindanao Sumatra Cerrado Pantanal Chaco Orinoco Titicaca Kilimanjaro Namib Kalahari
Okinawa Kamchatka Siberia
"""
NAMES = _NAMES.split()
KINDS, KIND_WEIGHTS = ["resource", "request", "offer", "profile", "project"], [0.6, 0.1, 0.1, 0.1, 0.1]
SUBKINDS = [
    "case_study",
    "guidance",
    "tool",
    "training_material",
    "publication",
    "dataset",
    "video",
    "report",
]
REGIONS = [
    "africa",
    "asia-pacific",
    "eastern-europe",
    "latin-america-caribbean",
    "weog",
    "small-islands",
    "global",
]


def vocabulary(language: str, rng: np.random.Generator) -> list[str]:
    """The base words plus simple derived forms (plurals, article forms, compounds), shuffled."""
    base = list(dict.fromkeys(WORDS[language].split()))
    derived: list[str] = []
    for word in base:
        if language in ("en", "fr") and not word.endswith(("s", "x", "y")):
            derived.append(word + "s")
        elif language == "es" and not word.endswith("s"):
            derived.append(word + ("s" if word[-1] in "aeiouáéó" else "es"))
        elif language == "ru" and word[-1] in "бвгдзклмнпрстфхцчшщ":
            derived.append(word + "ы")
        elif language == "ar":
            derived.append(word[2:] if word.startswith("ال") else "ال" + word)
        elif language == "zh":
            derived.append(word + base[int(rng.integers(len(base)))])
    words = list(dict.fromkeys(base + derived))
    rng.shuffle(words)
    return words


class Corpus:
    """Random documents; word frequencies fall as 1/(rank + 2.7), as in natural text."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = np.random.default_rng(seed)
        self.vocab = {lang: vocabulary(lang, self.rng) for lang in LANGUAGES}
        self.weights = {}
        for lang, words in self.vocab.items():
            weights = 1.0 / (np.arange(len(words)) + 2.7)
            self.weights[lang] = weights / weights.sum()

    def text(self, language: str, picks: np.ndarray) -> str:
        words = [self.vocab[language][i] for i in picks]
        if language == "zh":
            return "".join(w + ("，" if i % 7 == 6 else "") for i, w in enumerate(words)) + "。"
        if language == "ar" and picks[0] % 3 == 0:  # some writers use bare alef for hamzated alef
            words = [w.replace("أ", "ا").replace("إ", "ا") for w in words]
        return " ".join(words)

    def documents(self, count: int, chunk: int = 20_000):  # -> Iterator[Document]
        from tsc_hub.search.documents import Document

        rng, previous = self.rng, None
        for first in range(0, count, chunk):
            size = min(chunk, count - first)
            languages, kinds = rng.integers(0, 6, size), rng.choice(len(KINDS), size, p=KIND_WEIGHTS)
            title_lengths, body_lengths = rng.integers(4, 10, size), rng.integers(25, 61, size)
            picks = {
                lang: rng.choice(len(self.vocab[lang]), 70 * size, p=self.weights[lang]) for lang in LANGUAGES
            }
            for n in range(size):
                language = LANGUAGES[languages[n]]
                words = picks[language][70 * n : 70 * n + title_lengths[n] + body_lengths[n]]
                title = self.text(language, words[: title_lengths[n]])
                if rng.random() < 0.3:
                    title = f"{NAMES[rng.integers(len(NAMES))]} {title}"
                body = self.text(language, words[title_lengths[n] :])
                if previous is not None and previous.language != language and rng.random() < 0.2:
                    # Another language version of the previous record: same key, facets and date.
                    yield dataclasses.replace(previous, language=language, title=title, body=body)
                    previous = None
                    continue
                kind, number = KINDS[kinds[n]], first + n
                previous = Document(
                    key=f"{kind}:{number}",
                    kind=kind,
                    subkind=SUBKINDS[rng.integers(len(SUBKINDS))] if kind == "resource" else "",
                    language=language,
                    title=title,
                    body=body,
                    url=f"/{kind}/{number}/",
                    date=dt.date(
                        2026 - min(25, int(rng.geometric(0.15))), int(rng.integers(1, 13)), 1 + n % 28
                    ),
                    facets={
                        "gbf_target": [str(t) for t in set(rng.integers(1, 24, rng.integers(1, 4)))],
                        "subject": [f"CBD-SUBJECT-{s}" for s in set(rng.integers(1, 60, rng.integers(1, 4)))],
                        "region": [REGIONS[rng.integers(len(REGIONS))]],
                        "country": [f"c{c:03d}" for c in set(rng.integers(0, 196, rng.integers(1, 4)))],
                    },
                )
                yield previous

    def queries(self, count: int, frequent: bool, seed: int) -> list[str]:
        rng = np.random.default_rng(seed)
        chosen = []
        for n in range(count):
            lang = LANGUAGES[n % 6]
            p = self.weights[lang] if frequent else None
            picks = rng.choice(len(self.vocab[lang]), 2, replace=False, p=p)
            chosen.append(" ".join(self.vocab[lang][i] for i in picks))
        return chosen


def emit(name: str, value: float, unit: str) -> None:
    print(f"{name} {value:.1f} {unit}" if isinstance(value, float) else f"{name} {value} {unit}", flush=True)


def setup_django(backend: str, server: str) -> None:
    url = f"sqlite:///{SQLITE_PATH}" if backend == "sqlite" else f"{server}/{PG_DATABASE}"
    os.environ["TSC_HUB_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()


def fresh_database(backend: str, server: str, create: bool = True) -> None:
    """Remove the benchmark's SQLite file or PostgreSQL database, and (if `create`) make an empty one."""
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        if create:
            admin.execute(f"CREATE DATABASE {PG_DATABASE}")


ENGINE = importlib.import_module("tsc_hub.search.migrations.0002_engine_index")
DOCUMENT_COLUMNS = [
    "id", "key", "kind", "subkind", "language", "title", "body", "url", "date", "year",
    "analysed_title", "analysed_body", "facet_tokens", "updated_at",
]  # fmt: skip
ENTRY_COLUMNS = ["document_id", "record", "sort_date", "facet_codes"]


class BulkLoader:
    """Rows in batches straight into the tables; the engine index waits for `build_index` (no ORM)."""

    def __init__(self) -> None:
        from django.db import connection

        self.connection, self.vendor = connection, connection.vendor
        self.documents: list[tuple] = []
        self.entries: list[tuple] = []
        self.next_id, self.now = 1, dt.datetime.now(dt.UTC)
        with connection.cursor() as cursor:  # take the engine index away while loading; build_index adds it
            if self.vendor == "sqlite":
                for statement in ENGINE.SQLITE_BACKWARDS:
                    cursor.execute(statement)
            else:
                cursor.execute("DROP INDEX search_entry_tsv")
                cursor.execute("CREATE UNLOGGED TABLE bench_entry (LIKE search_searchentry)")
                cursor.execute("ALTER TABLE bench_entry DROP COLUMN tsv")

    def add(self, document, entry) -> None:
        document.id, entry.document_id, document.updated_at = self.next_id, self.next_id, self.now
        self.next_id += 1
        self.documents.append(tuple(getattr(document, column) for column in DOCUMENT_COLUMNS))
        self.entries.append((entry.document_id, entry.record, entry.sort_date, entry.facet_codes))
        if len(self.documents) >= 10_000:
            self.flush()

    def flush(self) -> None:
        with self.connection.cursor() as cursor:
            if self.vendor == "sqlite":
                self._executemany(cursor, "search_searchdocument", DOCUMENT_COLUMNS, self.documents)
                self._executemany(cursor, "search_searchentry", ENTRY_COLUMNS, self.entries)
            else:
                self._copy(cursor, "search_searchdocument", DOCUMENT_COLUMNS, self.documents)
                self._copy(cursor, "bench_entry", ENTRY_COLUMNS, self.entries)
        self.documents, self.entries = [], []

    @staticmethod
    def _executemany(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    @staticmethod
    def _copy(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def build_index(self) -> None:
        """SQLite: FTS5 'rebuild' over the content table. PostgreSQL: tsvectors, then the GIN index."""
        with self.connection.cursor() as cursor:
            if self.vendor == "sqlite":
                for statement in ENGINE.SQLITE_FORWARDS:
                    cursor.execute(statement)
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
                return
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute("ALTER TABLE search_searchentry DISABLE TRIGGER search_entry_fill_tsv")
            cursor.execute(
                "INSERT INTO search_searchentry (document_id, record, sort_date, facet_codes, tsv) "
                "SELECT e.*, search_document_tsv(d.analysed_title, d.analysed_body, d.facet_tokens) "
                "FROM bench_entry e JOIN search_searchdocument d ON d.id = e.document_id "
                "ORDER BY e.document_id"
            )
            cursor.execute("ALTER TABLE search_searchentry ENABLE TRIGGER search_entry_fill_tsv")
            cursor.execute("DROP TABLE bench_entry")
            cursor.execute("CREATE INDEX search_entry_tsv ON search_searchentry USING gin (tsv)")
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('search_searchdocument', 'id'), %s)", [self.next_id]
            )
        self.connection.cursor().execute("VACUUM ANALYZE search_searchentry")


def load_vocabulary(titles: Counter) -> None:
    from tsc_hub.search.fuzzy import deletions, eligible
    from tsc_hub.search.models import SearchTerm, SearchTermVariant

    terms = SearchTerm.objects.bulk_create(
        [SearchTerm(token=t, documents=n) for t, n in titles.items() if eligible(t)]
    )
    variants = [
        SearchTermVariant(variant=v, term=term)
        for term in terms
        for v in {term.token} | deletions(term.token)
    ]
    SearchTermVariant.objects.bulk_create(variants, batch_size=5000)


def index_sizes() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
            pages = dict(cursor.fetchall())
            return {
                "fts5_index": sum(v for k, v in pages.items() if k.startswith("search_fts_")),
                "entries": pages["search_searchentry"],
                "documents_and_analysed_text": sum(v for k, v in pages.items() if "document" in k),
                "database_file": SQLITE_PATH.stat().st_size,
            }
        sizes = {
            "gin_index": "pg_relation_size('search_entry_tsv')",
            "entries_with_tsvector": "pg_relation_size('search_searchentry')",
            "entries_total": "pg_total_relation_size('search_searchentry')",
            "documents_total": "pg_total_relation_size('search_searchdocument')",
            "database": f"pg_database_size('{PG_DATABASE}')",
        }
        cursor.execute("SELECT " + ", ".join(sizes.values()))
        return dict(zip(sizes, cursor.fetchone(), strict=True))


def engine_count(parsed) -> int:
    """The floor: the engine alone counting every document with all the words (no cap, no facets)."""
    from django.db import connection

    from tsc_hub.search.query import fts5_match, tsquery

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [fts5_match(parsed)])
        else:
            cursor.execute(
                "SELECT count(*) FROM search_searchentry WHERE tsv @@ %s::tsquery", [tsquery(parsed)]
            )
        return cursor.fetchone()[0]


def load(corpus: Corpus, count: int) -> None:
    """Generate, build rows with the service's code, bulk-load, build the engine index and the vocabulary."""
    from django.core.management import call_command

    from tsc_hub.search.services import document_rows, facet_codes

    call_command("migrate", "search", verbosity=0)
    pairs = {("kind", k) for k in KINDS} | {("subkind", s) for s in SUBKINDS}
    pairs |= {("language", language) for language in LANGUAGES}
    pairs |= {("year", str(y)) for y in range(2000, 2027)} | {("gbf_target", str(t)) for t in range(1, 24)}
    pairs |= {("subject", f"CBD-SUBJECT-{s}") for s in range(1, 60)} | {("region", r) for r in REGIONS}
    codes = facet_codes(pairs | {("country", f"c{c:03d}") for c in range(196)})
    loader, titles = BulkLoader(), Counter()
    started = time.perf_counter()
    for doc in corpus.documents(count):
        document, entry = document_rows(doc, codes)
        titles.update(set(document.analysed_title.split()))
        loader.add(document, entry)
    loader.flush()
    emit("generate_analyse_and_load", time.perf_counter() - started, "s")
    started = time.perf_counter()
    loader.build_index()
    emit("index_build", time.perf_counter() - started, "s")
    started = time.perf_counter()
    load_vocabulary(titles)
    emit("typo_vocabulary_build", time.perf_counter() - started, "s")
    for name, size in index_sizes().items():
        emit(f"size_{name}", size / 2**20, "MiB")


def percentile(values: list[float], q: int) -> float:
    return float(np.percentile(values, q))


def measure(corpus: Corpus, queries: int, max_hits: int) -> None:
    from tsc_hub.search.backends import get_backend
    from tsc_hub.search.interface import SearchQuery
    from tsc_hub.search.query import parse

    backend = get_backend(max_hits=max_hits)
    for workload, frequent in (("uniform", False), ("frequent", True)):
        texts = corpus.queries(queries, frequent, seed=7 if frequent else 3)
        for text in texts:  # warm the caches as a running site would be
            backend.search(SearchQuery(text=text))
        ours, floor, totals, capped = [], [], [], 0
        for text in texts:
            started = time.perf_counter()
            results = backend.search(SearchQuery(text=text))
            ours.append((time.perf_counter() - started) * 1000)
            capped += not results.total_exact
            started = time.perf_counter()
            totals.append(engine_count(parse(text)))
            floor.append((time.perf_counter() - started) * 1000)
        emit(f"{workload}_matching_documents_p50", int(percentile(totals, 50)), "docs")
        emit(f"{workload}_matching_documents_p95", int(percentile(totals, 95)), "docs")
        emit(f"{workload}_queries_over_{backend.max_hits}_matches", capped, "queries")
        for label, values in (("search", ours), ("engine_count_floor", floor)):
            for q in (50, 95):
                emit(f"{workload}_{label}_p{q}", percentile(values, q), "ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    parser.add_argument("--reuse", action="store_true", help="Query the database of an earlier --keep run.")
    parser.add_argument("--max-hits", type=int, default=5_000, help="The backend's cap (backends.MAX_HITS).")
    parser.add_argument("--postgres-server", default=PG_SERVER, help="postgres://user@host:port")
    parser.add_argument(
        "--sqlite-mmap", type=int, default=0, metavar="MIB", help="Query with PRAGMA mmap_size."
    )
    args = parser.parse_args()
    if not args.reuse:
        fresh_database(args.backend, args.postgres_server)
    setup_django(args.backend, args.postgres_server)
    emit("backend", args.backend, "name")
    emit("documents", args.docs, "docs")
    corpus = Corpus()
    if not args.reuse:
        load(corpus, args.docs)
    if args.sqlite_mmap and args.backend == "sqlite":
        from django.db import connection

        with connection.cursor() as cursor:  # what the SQLite init_command in settings could add
            cursor.execute(f"PRAGMA mmap_size = {args.sqlite_mmap * 2**20}")
        emit("sqlite_mmap_size", args.sqlite_mmap, "MiB")
    emit("max_hits", args.max_hits, "docs")
    measure(corpus, args.queries, args.max_hits)
    if not args.keep:
        from django.db import connections

        connections.close_all()
        fresh_database(args.backend, args.postgres_server, create=False)


if __name__ == "__main__":
    main()
