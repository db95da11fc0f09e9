"""The retrieval index over the samples: ranking, filters, persistence, determinism, errors."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from index.build import IndexUnavailable, build_index, index_dir
from index.entities import EntityResolver
from index.retriever import Retriever
from index.search import HybridIndex
from core.store import Store


@pytest.fixture(scope="module")
def retriever(sample_store):
    return Retriever(sample_store)


def first_row(result):
    hit = result.hits[0].chunk
    return hit.source, hit.unit_kind, hit.title


@pytest.mark.parametrize("query, source, title", [
    ("阳泉市民政局2024年三公经费多少", "yangquan-minzheng-2024-juesuan.txt", "财政拨款“三公”经费支出决算表"),
    ("临汾市民政局2019年三公经费", "linfen-minzheng-2019-juesuan.md", "一般公共预算财政拨款“三公”经费支出决算表"),
])
def test_sangong_query_returns_the_sangong_row_first(retriever, query, source, title):
    assert first_row(retriever.search(query, k=5)) == (source, "row", title)


def test_filters_exclude_other_documents(retriever):
    result = retriever.search("临汾民政局2019年三公经费", k=10)
    assert {h.chunk.source for h in result.hits} == {"linfen-minzheng-2019-juesuan.md"}
    unfiltered = retriever.search("三公经费", k=20, use_filters=False)
    assert len({h.chunk.source for h in unfiltered.hits}) == 2
    nothing = retriever.search("阳泉民政局2031年三公经费", k=5)
    assert {h.chunk.source for h in nothing.hits} <= {"yangquan-minzheng-2024-juesuan.txt"}
    assert "放宽" in nothing.filter_note


def test_modes_all_work_and_hybrid_fuses(retriever):
    query = "阳泉民政局冬天供暖花了多少钱"
    for mode in ("dense", "bm25", "hybrid"):
        assert retriever.search(query, k=5, mode=mode).hits
    labels = [h.chunk.label for h in retriever.search(query, k=5).hits]
    assert "取暖费" in labels


def test_reload_from_disk_gives_identical_results(retriever, sample_store):
    again = Retriever(sample_store, retriever.index.embedder)
    for query in ("阳泉民政局收入为什么下降", "临汾民政局有几辆车"):
        a = [(h.chunk.chunk_id, round(h.score, 9)) for h in retriever.search(query, k=8).hits]
        b = [(h.chunk.chunk_id, round(h.score, 9)) for h in again.search(query, k=8).hits]
        assert a == b


def test_building_twice_gives_the_same_index(sample_store, tmp_path, retriever):
    copy = tmp_path / "store"
    shutil.copytree(sample_store, copy)
    meta = build_index(copy, progress=False, embedder=retriever.index.embedder)
    assert meta["chunks"] == retriever.index.meta["chunks"]
    folder, original = index_dir(copy), index_dir(sample_store)
    assert (folder / "chunks.jsonl").read_bytes() == (original / "chunks.jsonl").read_bytes()
    assert np.array_equal(np.load(folder / "vectors.npy"), np.load(original / "vectors.npy"))


def test_corrupted_index_is_reported_with_the_rebuild_command(sample_store, tmp_path, retriever):
    copy = tmp_path / "store"
    shutil.copytree(sample_store, copy)
    (index_dir(copy) / "dense.faiss").write_bytes(b"garbage")
    with pytest.raises(IndexUnavailable, match="--rebuild"):
        HybridIndex.load(copy, retriever.index.embedder)
    build_index(copy, rebuild=True, progress=False, embedder=retriever.index.embedder)
    assert HybridIndex.load(copy, retriever.index.embedder).chunks


class OtherModel:
    """An embedder with another identity: its vectors must never join the index's."""
    model_id, dim = "another-model", 384

    def encode_passages(self, texts, show_progress=False):
        return np.zeros((len(texts), self.dim), dtype=np.float32)

    def encode_queries(self, texts):
        return np.zeros((len(texts), self.dim), dtype=np.float32)


def test_index_refuses_to_mix_embedding_models(sample_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(sample_store, copy)
    with pytest.raises(IndexUnavailable, match="--rebuild"):
        HybridIndex.load(copy, OtherModel())
    with pytest.raises(IndexUnavailable, match="不能混用"):
        build_index(copy, progress=False, embedder=OtherModel())
    assert json.loads((index_dir(copy) / "meta.json").read_text())["model_id"] != "another-model"


def test_chunks_carry_ids_back_to_the_cell(retriever, sample_store):
    store = Store(sample_store)
    chunk = next(c for c in retriever.index.chunks if c.unit_kind == "row" and c.label == "(一)车辆数合计(辆)")
    row = store.tables(chunk.doc_id)[chunk.table_seq].rows[chunk.row_seq]
    assert row.label == chunk.label and "25" in chunk.text and "单位：辆" in chunk.text  # a count, not 万元


@pytest.mark.parametrize("question, expected", [
    ("阳泉民政局24年三公", ["阳泉市民政局"]),
    ("临汾市民政局", ["临汾市民政局"]),
    ("那临汾的呢", ["临汾市民政局"]),
    ("民政局三公经费", ["临汾市民政局", "阳泉市民政局"]),
    ("太原市民政局三公经费", []),
    ("阳泉市财政局三公经费", []),
    # the province said before a city's body, which no document contradicts; a city's 局 said as a 厅
    ("山西省临汾市民政局19年实有人数", ["临汾市民政局"]),
    ("山西省阳泉市民政厅24年", ["阳泉市民政局"]),
    ("山西省民政厅24年三公经费", []),  # the province's own body, not a city's
    ("阳泉市民政处2024年公用经费", ["阳泉市民政局"]),  # a 处 said for the 局 people know
    ("阳泉市民政委员会2024年政府性基金收入", ["阳泉市民政局"]),  # a 委员会, as a municipality's
    ("阳泉市财政处2024年三公经费", []),  # (a body of another function is still none held)
])
def test_departments_by_short_names(sample_store, question, expected):
    resolver = EntityResolver(Store(sample_store).documents())
    mention = resolver.resolve(question, 2024)
    assert sorted(resolver.display(k) for k in mention.departments) == sorted(expected)
    if not expected and "民政局" in question:
        assert mention.unknown_orgs


def test_a_cover_name_that_is_a_budget_word_names_no_department():
    """A cover printing "区财政" for 贵阳市观山湖区财政局 must not make every "财政拨款" a
    mention of it; its real short forms still resolve; 省文旅厅 is 文化和旅游厅."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "贵阳市观山湖区财政局", 2025, "决算", "部门", "", None, ["区财政"]),
             DocumentInfo("b", "b.pdf", "山西省财政厅", 2020, "决算", "部门", "", None, []),
             DocumentInfo("c", "c.pdf", "四川省文化和旅游厅", 2019, "决算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    assert resolver.resolve("山西财政厅20年财政拨款收入是多少", 2025).departments == ["山西省财政厅"]
    assert resolver.resolve("观山湖财政局25年财政拨款收入", 2025).departments == ["贵阳市观山湖区财政局"]
    assert resolver.resolve("四川文旅厅19年收入", 2025).departments == ["四川省文化和旅游厅"]


def test_a_body_said_with_another_departments_place_is_not_the_one_held():
    """"老伴以前在阳泉市社会福利院上班": the store's 社会福利院 is 上海普陀's, and 阳泉 is the
    民政局's place, so the 福利院 meant is none the store holds, however the words before the
    place run on ("在阳泉市…")."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "上海市普陀区社会福利院", 2024, "预算", "单位", "", None, []),
             DocumentInfo("b", "b.pdf", "阳泉市民政局", 2024, "决算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    told = resolver.resolve("老伴以前在阳泉市社会福利院上班，想问问阳泉民政局2024年的", 2024)
    assert told.departments == ["阳泉市民政局"] and told.unknown_orgs
    assert resolver.resolve("我妈在普陀福利院住着，福利院24年收入多少", 2024).departments == ["上海市普陀区社会福利院"]


def test_a_kind_of_body_said_after_a_place_above_its_own_is_that_places_body():
    """"上海市社会福利院", "上海政府办": the city's bodies, not 普陀区's (its own place unsaid);
    with 普陀 said, or a name of its own (万里), or no place at all, still the district's."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "上海市普陀区社会福利院", 2024, "预算", "单位", "", None, []),
             DocumentInfo("b", "b.pdf", "上海市普陀区人民政府办公室", 2025, "预算", "部门", "", None, []),
             DocumentInfo("c", "c.pdf", "上海市普陀区人民政府万里街道办事处", 2025, "预算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    for city_level in ("上海市社会福利院24年预算多少", "上海福利院24年预算多少", "上海政府办25年三公"):
        told = resolver.resolve(city_level, 2025)
        assert not told.departments and told.unknown_orgs, city_level
    assert resolver.resolve("上海普陀福利院24年预算多少", 2025).departments == ["上海市普陀区社会福利院"]
    assert resolver.resolve("福利院24年预算多少", 2025).departments == ["上海市普陀区社会福利院"]
    assert resolver.resolve("普陀区政府办25年三公", 2025).departments == ["上海市普陀区人民政府办公室"]
    assert resolver.resolve("上海万里街道25年预算多少", 2025).departments == ["上海市普陀区人民政府万里街道办事处"]


def test_a_magnitude_after_a_number_is_no_place_name():
    """"人员经费95.36万里面": the 万 is the amount's, not the start of the place 万里."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "上海市普陀区人民政府万里街道办事处", 2024, "预算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "中共上海市普陀区委社会工作部", 2024, "决算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    assert resolver.resolve("社工部24年人员经费95.36万里面哪一项花得最多", 2024).departments == ["上海市普陀区委社会工作部"]
    assert resolver.resolve("万里街道24年三公经费多少", 2024).departments == ["上海市普陀区人民政府万里街道办事处"]


def test_a_market_is_no_city_and_an_autonomous_region_goes_by_its_first_name():
    """The 市 of 市场监督管理局 is not the city's (it was dropped, leaving "场监管局"); people
    call 广西壮族自治区 广西."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "广西壮族自治区市场监督管理局", 2022, "预算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "吉林省司法厅", 2020, "决算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    for question in ("广西市场监管局22年预算收入一共多少", "广西壮族自治区市场监督管理局2022年预算"):
        mention = resolver.resolve(question, 2022)
        assert [resolver.display(k) for k in mention.departments] == ["广西壮族自治区市场监督管理局"]
        assert not mention.unknown_orgs


def test_a_kemu_named_after_a_body_is_no_organisation():
    """"其他政协事务支出" is the 科目 2010299, not an organisation called 其他政协."""
    from core.store import DocumentInfo

    resolver = EntityResolver([DocumentInfo("a", "a.pdf", "江苏省政协办公厅", 2019, "预算", "部门", "", None, [])])
    mention = resolver.resolve("政协办公厅的“其他政协事务支出”，19年比18年少了多少？", 2019)
    assert [resolver.display(k) for k in mention.departments] == ["江苏省政协办公厅"] and not mention.unknown_orgs


def test_a_project_named_after_a_centre_is_no_organisation():
    """"阳泉那个老年失能失智康养中心项目", "照料中心配套资金": a project named after what it builds
    or funds, not a body the store lacks; "钱全部" is no 部. A body's own 项目支出 still names it."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.txt", "阳泉市民政局", 2024, "决算", "部门", "", None, []),
             DocumentInfo("b", "b.md", "临汾市民政局", 2019, "决算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    for question, named in (("阳泉那个老年失能失智康养中心项目，钱为啥没花完", "阳泉市民政局"),
                            ("临汾那个老年人日间照料中心配套资金项目花了多少", "临汾市民政局"),
                            ("临汾的社会组织管理工作经费那个项目，钱全部花完了吗", "临汾市民政局")):
        mention = resolver.resolve(question, 2024)
        assert [resolver.display(k) for k in mention.departments] == [named] and not mention.unknown_orgs, question
    assert resolver.resolve("太原市福利中心项目支出多少", 2024).unknown_orgs


def test_a_body_addressed_by_its_kind_in_a_letter():
    """"烦请告知贵局…": the one 局 the store holds (for the year said, where several are); none
    where the kind fits several bodies of that year."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.txt", "阳泉市民政局", 2024, "决算", "部门", "", None, []),
             DocumentInfo("b", "b.md", "临汾市民政局", 2019, "决算", "部门", "", None, []),
             DocumentInfo("c", "c.pdf", "上海市普陀区社会福利院", 2024, "预算", "单位", "", None, [])]
    resolver = EntityResolver(infos)
    assert [resolver.display(k) for k in resolver.resolve("您好，特此咨询：贵局2024年度是否发生公务接待费支出？", 2024).departments] == ["阳泉市民政局"]
    assert [resolver.display(k) for k in resolver.resolve("贵院截至2023年底共有车辆多少辆", 2024).departments] == ["上海市普陀区社会福利院"]
    both = resolver.resolve("贵局三公经费多少", 2024)
    assert not both.departments and not both.unknown_orgs
    assert not resolver.resolve("贵院2024年财政拨款收入比2023年有所增加，原因是什么", 2024).unknown_orgs  # (有所: no body)


def test_words_leading_into_a_name_are_not_a_place():
    """"想了解下省委办公厅": the words before 省委 lead into the name; "广东省委办公厅" names
    another province's office, which the store does not hold."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "中国共产党江苏省委员会办公厅", 2017, "预算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "中共江苏省委办公厅", 2018, "预算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    for question in ("我们是做会议服务的，想了解下省委办公厅18年政府采购", "我看到省委办公厅18年社保支出少了，为啥"):
        mention = resolver.resolve(question, 2018)
        assert mention.departments == ["江苏省委办公厅"] and not mention.unknown_orgs
    assert resolver.resolve("广东省委办公厅18年预算", 2018).unknown_orgs
    # words before 省 that no place is made of (a pronoun, a preposition, a one-character verb)
    infos.append(DocumentInfo("c", "c.pdf", "江苏省政协办公厅", 2018, "预算", "部门", "", None, []))
    resolver = EntityResolver(infos)
    for question, named in (("同事报给我说省政协18年的退休费预算是多少", ["江苏省政协办公厅"]),
                            ("老师让查省委办公厅2018年项目支出", ["江苏省委办公厅"]),
                            ("18年省委办公厅的公车比省政协多几辆", ["江苏省委办公厅", "江苏省政协办公厅"])):
        mention = resolver.resolve(question, 2018)
        assert mention.departments == named and not mention.unknown_orgs
    assert resolver.resolve("太原市民政局18年", 2018).unknown_orgs  # a place, still unexplained
    # a printed long form is shown with the name it is known by
    assert resolver.known_as("中国共产党江苏省委员会办公厅") == "中国共产党江苏省委员会办公厅（江苏省委办公厅）"
    assert resolver.known_as("中共江苏省委办公厅") == "中共江苏省委办公厅"


def test_years_kinds_and_comparison_years(sample_store):
    resolver = EntityResolver(Store(sample_store).documents())
    assert resolver.resolve("阳泉民政局24年三公", 2024).years == [2024]
    assert resolver.resolve("机关运行经费比23年增加多少", 2024).years == []
    assert resolver.years_in("机关运行经费比23年增加多少", 2024, compared=True) == [2023]
    # a relative year said alone counts from today (the tests' today is 2026-12-07: conftest), one
    # said of the latest document from that document's year
    assert resolver.resolve("去年的预算", 2024).years == [2025]
    assert resolver.resolve("今年的预算", 2024).years == [2026]
    assert resolver.resolve("最新那份预算里，去年的三公经费", 2024).years == [2023]
    # "比它前一年那份": the year before the one said, set against it
    assert resolver.years_in("最新一份部门预算，比它前一年那份多了多少钱", 2024, compared=True) == [2023]
    # a year relative to the one the question names; 比去年 is the document's own 比上年
    assert resolver.years_in("19年三公经费比前年少了多少", 2024, compared=True) == [2017]
    assert resolver.years_in("19年三公经费比去年少了多少", 2024, compared=True) == []
    assert resolver.resolve("19年三公经费比去年少了多少", 2024).years == [2019]
    # a day's date said relatively, in the document the question names, is a date in it, no year asked
    assert resolver.years_in("按2025年的预算文件，截至去年8月底一共有几辆车", 2024) == [2025]
    # "跟上一年比" is 比上一年 said around the year; "去年比前年" keeps 去年 as its subject
    assert resolver.resolve("跟上一年比少了多少", 2024).years == []
    assert resolver.resolve("和前年比多了多少", 2024).years == []
    # "跟17年一样": the year set against, not the year asked
    assert resolver.years_in("19年培训费是不是跟17年一样还是25万", 2024, compared=True) == [2017]
    assert resolver.resolve("19年培训费是不是跟17年一样还是25万", 2024).years == [2019]
    # money carried on to the next year is this year's 结转下年, no year of its own
    assert resolver.years_in("省政协办公厅18年预算里有没有留钱结转到下一年", 2024) == [2018]
    # a span of years said with how many years it is ("17到19这三年")
    assert resolver.years_in("政协17到19这三年培训费平均每年多少", 2024) == [2017, 2018, 2019]
    # a day's date is no year asked unless no other year is said
    assert resolver.resolve("2025年部门预算所载，截至2024年8月31日共有车辆多少辆", 2025).years == [2025]
    assert resolver.resolve("截至2024年8月31日共有车辆多少辆", 2025).years == [2024]
    # a year said only to count from ("2019年的前一年") is not asked; 次年 is the year after
    assert resolver.resolve("临汾民政局2019年的前一年，三公经费是多少", 2024).years == [2018]
    assert resolver.resolve("24年的次年三公经费", 2025).years == [2025]


def test_a_letters_address_names_no_other_body(sample_store):
    """"恳请贵局", "致…：", "截至…日该部门": the body written to, not one the store lacks."""
    resolver = EntityResolver(Store(sample_store).documents())
    for question in ("致临汾市民政局：恳请贵局介绍2019年度财政拨款支出的主要用途",
                     "阳泉市民政局：您好！请问贵局2024年度本年收入合计是多少",
                     "请问阳泉市民政局2024年度决算所载，截至2024年12月31日该部门共有车辆多少辆"):
        mention = resolver.resolve(question, 2024)
        assert mention.departments and not mention.unknown_orgs, question
    assert resolver.resolve("去年比前年多了多少", 2024).years == [2025]  # (the tests' today is 2026-12-07)
    assert resolver.resolve("三公经费预算数多少", 2024).kind is None
    assert resolver.resolve("阳泉民政局的决算", 2024).kind == "决算"


def test_lexicon_prefers_official_terms_at_equal_length():
    """"基本支出一共多少" names 基本支出 (a term), not 本年支出合计 (its colloquial "支出一共")."""
    from core.concepts import lexicon

    assert [m.concept.name for m in lexicon().concepts_in("基本支出一共多少")] == ["基本支出"]
    assert lexicon().concepts_in("支出一共多少")[0].concept.name == "本年支出合计"


def test_colloquial_phrases_become_official_words_for_ranking_sentences():
    """Sentences say "共有车辆7辆", not "几辆车": the ranking query uses the official term in place
    of the colloquial phrase (official terms and generic words stay as typed)."""
    from core.concepts import lexicon

    assert lexicon().in_official_words("有几辆车") == "有车辆数"
    assert lexicon().in_official_words("公车的钱为什么减少") == "公务用车购置及运行维护费为什么减少"
    assert lexicon().in_official_words("三公经费为啥下降") == "三公经费为啥下降"


def test_bm25_scores_are_saved_at_build_and_mapped_at_load(retriever, sample_store):
    """Scoring every chunk's words took most of a large corpus's load time: it is done once at
    build, and the loaded scores are those the tokens give."""
    from index.lexical import BM25Index

    folder = index_dir(sample_store)
    index = retriever.index
    assert isinstance(index.bm25.bm25.scores["data"], np.memmap)
    tokens = [json.loads(line)["tokens"] for line in (folder / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
    rebuilt = BM25Index.indexed(tokens, index.bm25.cutter, index.bm25.ignore)
    everything = index._allowed(None)
    for query in ("三公经费", "公务用车运行维护费为什么减少", "临汾民政局有几辆车"):
        assert np.allclose(index.bm25.scores(query, everything), rebuilt.scores(query, everything))
    shutil.rmtree(folder / "bm25")  # an index built before the scores were saved still loads
    try:
        assert HybridIndex.load(sample_store, index.embedder).bm25_ranking("三公经费", everything) == \
            index.bm25_ranking("三公经费", everything)
    finally:
        rebuilt.save(folder / "bm25")


def _reference_rankings(index, tokens, query, mask):
    """The pre-scale rankings, computed over every chunk with a boolean mask (the old code)."""
    from index.search import COVERAGE_MIN, LABEL_COVERAGE, _bigrams

    scores = np.where(mask, index.bm25.bm25.get_scores(index.bm25.query_tokens(query)), -1.0)
    order = np.argsort(-scores, kind="stable")[:50]
    bm25 = [int(i) for i in order if scores[i] > 0]
    q = _bigrams(query)
    labels = []
    for i in np.flatnonzero(mask):
        grams = _bigrams(index.chunks[i].label)
        if grams and len(q & grams) / len(grams) >= LABEL_COVERAGE:
            labels.append((-len(q & grams) / len(grams), -len(grams), int(i)))
    words = set(index.bm25.query_tokens(query))
    total = sum(len(t) for t in words)
    covering = []
    for i in np.flatnonzero(mask):
        share = sum(len(t) for t in words & set(tokens[i])) / total
        if share >= COVERAGE_MIN:
            c = index.chunks[i]
            covering.append((share, c.chunk_id.endswith(":0"), -len(c.text), int(i)))
    return bm25, [t[-1] for t in sorted(labels)[:50]], [t[-1] for t in sorted(covering, reverse=True)[:50]]


@pytest.mark.parametrize("query", ["三公经费", "公务用车运行维护费为什么减少", "基本工资", "机关运行经费 决算数"])
def test_rankings_over_document_runs_equal_the_whole_corpus_masked(retriever, sample_store, query):
    """Filtering by integer runs and scoring only the allowed chunks gives exactly the chunks
    and order that masking a whole-corpus scoring did."""
    index = retriever.index
    lines = (index_dir(sample_store) / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    tokens = [json.loads(line)["tokens"] for line in lines]
    doc_of = np.array([c.doc_id for c in index.chunks], dtype=object)
    for doc_ids in (None, {retriever.documents[0].doc_id}, {d.doc_id for d in retriever.documents}):
        allowed = index._allowed(doc_ids)
        mask = np.ones(len(doc_of), dtype=bool) if doc_ids is None else np.isin(doc_of, list(doc_ids))
        assert np.array_equal(allowed.positions(), np.flatnonzero(mask))
        got = (index.bm25_ranking(query, allowed), index.label_ranking(query, allowed),
               index.coverage_ranking(query, allowed))
        assert got == _reference_rankings(index, tokens, query, mask)


@pytest.mark.timeout(20)  # a guard: every piece of a 20,000-letter token was looked up (minutes)
def test_a_long_token_is_cut_without_trying_every_piece():
    from index.lexical import tokenize

    assert tokenize("一般公共预算财政拨款") == tokenize("一般公共预算财政拨款" + " " + "a" * 20000)[:-1]
    assert tokenize("a" * 20000)[-1] == "a" * 20000


def test_shared_words_are_the_runs_of_two_or_more_characters_both_hold():
    """The longest shared run, the first at a tie, then the next one, as the character-by-character
    comparison found them (checked against it on random strings)."""
    import random

    from index.lexical import _longest_common_run, shared_words

    def by_characters(a: str, b: str) -> tuple[int, int, int]:
        best, previous = (0, 0, 0), [0] * (len(b) + 1)
        for i, ch in enumerate(a, 1):
            current = [0] * (len(b) + 1)
            for j, other in enumerate(b, 1):
                if ch == other:
                    current[j] = previous[j - 1] + 1
                    best = (current[j], i, j) if current[j] > best[0] else best
            previous = current
        return best

    rng = random.Random(14)
    for _ in range(5000):
        a, b = ("".join(rng.choice("预算支出\0\1") for _ in range(rng.randint(0, 12))) for _ in range(2))
        assert _longest_common_run(a, b) == by_characters(a, b), (a, b)
    assert shared_words("阳泉民政局基本支出决算表", "一般公共预算财政拨款基本支出决算明细表") == 6


@pytest.mark.timeout(5)  # a guard: comparing the question character by character with the title took 11 s
def test_shared_words_of_a_long_question_are_looked_up_not_compared_pairwise():
    from index.lexical import shared_words

    question = "阳泉市民政局临汾市民政局的基本支出，" * 100_000
    assert shared_words(question, "一般公共预算财政拨款基本支出决算明细表") == 4


@pytest.mark.timeout(10)  # a guard: each organisation named was checked against every name found (a minute here)
def test_departments_named_many_times_in_a_long_question(plain_store):
    resolver = EntityResolver(Store(plain_store).documents())
    short = resolver.resolve("阳泉市民政局和临汾市民政局、太原市民政局", 2024)
    long = resolver.resolve("阳泉市民政局和临汾市民政局、太原市民政局" * 10_000, 2024)
    assert (long.departments, long.unknown_orgs) == (short.departments, short.unknown_orgs * 10_000)


def test_a_place_and_a_generic_body_name_every_such_body_of_that_place():
    """"江苏办公厅" may be the 省委's, the 政协's or the 政府's 办公厅: each of the store's is
    meant, none guessed; the 省委's own short forms still name it alone."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "中共江苏省委办公厅", 2018, "预算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "江苏省政协办公厅", 2018, "预算", "部门", "", None, []),
             DocumentInfo("c", "c.pdf", "山西省民政厅", 2018, "预算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    mention = resolver.resolve("江苏办公厅2018年三公经费是多少", 2018)
    assert sorted(mention.departments) == ["江苏省委办公厅", "江苏省政协办公厅"] and not mention.unknown_orgs
    assert resolver.resolve("江苏省委办公厅2018年三公经费", 2018).departments == ["江苏省委办公厅"]
    assert resolver.resolve("省委办18年三公经费", 2018).departments == ["江苏省委办公厅"]


def test_every_or_which_body_of_a_kind_names_each_the_store_holds():
    """"两个办公厅", "哪个办公厅": each 办公厅 of the store, wherever it is (not an unknown "公厅"
    left once "两个办" was read as a body); a 民政厅 is no 办公厅."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "中共江苏省委办公厅", 2018, "预算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "江苏省政协办公厅", 2018, "预算", "部门", "", None, []),
             DocumentInfo("c", "c.pdf", "山西省民政厅", 2018, "预算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    for question in ("两个办公厅2018年三公经费哪个高", "哪个办公厅2018年三公经费最高"):
        mention = resolver.resolve(question, 2018)
        assert sorted(mention.departments) == ["江苏省委办公厅", "江苏省政协办公厅"] and not mention.unknown_orgs, question


def test_a_claim_s_source_said_before_a_name_is_no_part_of_it():
    """"网传省委办公厅…", "有文章说省委办公厅…": who said it, not a body named 网传省委办公厅."""
    from core.store import DocumentInfo

    resolver = EntityResolver([DocumentInfo("a", "a.pdf", "中共江苏省委办公厅", 2019, "预算", "部门", "", None, [])])
    for question in ("网传省委办公厅2019年预算里安排了买新公车的钱", "有文章说省委办公厅2019年三公经费大降", "有报道说省委办公厅…"):
        mention = resolver.resolve(question, 2019)
        assert mention.departments == ["江苏省委办公厅"] and not mention.unknown_orgs, question


def test_an_unknown_name_is_read_whole_not_in_pieces(sample_store):
    resolver = EntityResolver(Store(sample_store).documents())
    assert resolver.resolve("江苏省人大常委会办公厅2019年预算多少钱", 2024).unknown_orgs == ["江苏人大常委会办公厅"]
    assert resolver.resolve("太原市民政局2024年三公经费花了多少", 2024).unknown_orgs == ["太原民政局"]


def test_a_committee_is_named_by_its_usual_short_form():
    """Names are kept canonical (委员会 → 委); the rule for 卫生健康委员会 (卫健委) still holds."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "温州市卫生健康委员会", 2023, "决算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "温州市发展和改革委员会", 2023, "决算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    assert resolver.resolve("温州市卫健委23年一共收入了多少钱", 2023).departments == ["温州市卫生健康委"]
    assert resolver.resolve("温州发改委23年三公经费", 2023).departments == ["温州市发展和改革委"]


def test_what_is_left_of_a_question_holds_no_piece_of_the_names_it_gives():
    """The 省/区 inside a name as written and a 跟 between two names go with them: "跟省车" would
    match no stated subject where "车" does."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "中共江苏省委办公厅", 2019, "预算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "江苏省政协办公厅", 2019, "预算", "部门", "", None, []),
             DocumentInfo("c", "c.pdf", "广州市越秀区人民法院", 2025, "预算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    assert resolver.resolve("2019年省委办公厅跟省政协一共有几辆车", 2019).rest == "一共有几辆车"
    assert resolver.resolve("越秀区法院25年预算收入一共多少", 2025).rest == "预算收入一共多少"


def test_a_department_said_as_its_place_and_the_start_of_its_name_leaves_no_piece_of_it():
    """"临汾民政" is 临汾市民政局 said short: its 民政 is no 民政管理事务 the question asks about."""
    from core.store import DocumentInfo

    resolver = EntityResolver([DocumentInfo("a", "a.md", "临汾市民政局", 2019, "决算", "部门", "", None, [])])
    mention = resolver.resolve("临汾民政19年出差花了多少钱", 2019)
    assert mention.departments == ["临汾市民政局"] and mention.rest == "出差花了多少钱"


def test_a_body_asked_under_another_rank_word_is_the_one_of_that_place():
    """A place has one body per function: "天津教育厅" is 天津市教育委员会, "江苏民政局" is
    江苏省民政厅. The place must be said, and the lowest place of the chain: "合肥教育局" is the
    city's 教育局, never 包河区's; "浙江教育局" is no body the store holds."""
    from core.store import DocumentInfo

    infos = [DocumentInfo("a", "a.pdf", "天津市教育委员会", 2026, "预算", "部门", "", None, []),
             DocumentInfo("b", "b.pdf", "江苏省民政厅", 2024, "决算", "部门", "", None, []),
             DocumentInfo("c", "c.pdf", "合肥市教育局", 2017, "预算", "部门", "", None, []),
             DocumentInfo("d", "d.pdf", "合肥市包河区教育局", 2018, "预算", "部门", "", None, []),
             DocumentInfo("e", "e.pdf", "江苏省政协办公厅", 2018, "预算", "部门", "", None, [])]
    resolver = EntityResolver(infos)
    for question, named in (("天津市教育厅2026年三公经费预算多少", ["天津市教育委"]),
                            ("天津教委26年收入", ["天津市教育委"]),
                            ("江苏民政局24年支出", ["江苏省民政厅"]),
                            ("合肥市教育厅17年预算", ["合肥市教育局"]),
                            ("包河区教育局18年预算", ["合肥市包河区教育局"])):
        mention = resolver.resolve(question, 2024)
        assert mention.departments == named and not mention.unknown_orgs, question
    assert resolver.resolve("浙江教育局2025年预算", 2025).departments == []


def test_the_verb_of_comparing_leaves_the_year_after_it_asked():
    """"比一比2019年…", "对比2019年和2018年", "比较2019年…": the year is one of the things compared;
    "比2019年多" and "较2018年增加" set it on the other side."""
    from index.entities import _compared_at

    for text in ("想比一比2019年省委办公厅", "对比2019年和2018年", "比较2019年的"):
        at = text.index("2019")
        assert not _compared_at(text, at, at + 5), text
    for text in ("比2019年多", "较2019年增加"):
        at = text.index("2019")
        assert _compared_at(text, at, at + 5), text


def test_a_party_committee_office_by_its_shorthand_and_other_places_offices_apart():
    """"委办" alone is the office the store holds (as 政协 is); "广东委办", "区委办" are others'."""
    from core.store import DocumentInfo

    resolver = EntityResolver([DocumentInfo("a", "a.pdf", "中共江苏省委办公厅", 2018, "预算", "部门", "", None, []),
                               DocumentInfo("b", "b.pdf", "江苏省政协办公厅", 2018, "预算", "部门", "", None, [])])
    assert resolver.resolve("委办18年会议费多少", 2018).departments == ["江苏省委办公厅"]
    assert resolver.resolve("政协17年和委办18年会议费差多少", 2018).departments == ["江苏省政协办公厅", "江苏省委办公厅"]
    for other in ("广东委办18年会议费", "区委办18年会议费", "浙江政协18年会议费"):
        mention = resolver.resolve(other, 2018)
        assert not mention.departments and mention.unknown_orgs, other


def test_a_kind_of_body_counted_is_no_body_named(sample_store):
    """"有几个专门委员会" counts the department's committees: no body the store lacks."""
    resolver = EntityResolver(Store(sample_store).documents())
    assert not resolver.resolve("有几个专门委员会", 2024).unknown_orgs
    assert resolver.resolve("哪几个财政局有三公经费", 2024).unknown_orgs


@pytest.mark.parametrize("question, kind", [
    ("临汾民政局2019年哪几项超预算了", None),  # spending set against its budget: an outturn's words
    ("临汾民政局2019年三公经费没超过预算吧", None),
    ("福利院决算完成预算的百分之几", "决算"),
    ("万里街道2024年预算多少", "预算"),
])
def test_spending_set_against_its_budget_asks_no_budget_document(question, kind):
    from index.entities import kind_in
    assert kind_in(question) == kind


def test_a_unit_written_after_a_department_and_a_year_is_its_own(sample_store):
    """"临汾民政局19年福利院养老楼新建项目": the 福利院 is 临汾's (a project's name), not the 上海 body the
    store holds; the same department named again after a year stays that department."""
    resolver = EntityResolver(Store(sample_store).documents())
    assert resolver.resolve("临汾民政局19年福利院养老楼新建项目全年预算多少？", 2025).departments == ["临汾市民政局"]

    # two departments, each said with its place, a year between them, are both asked
    assert resolver.resolve("阳泉民政局24年临汾民政局19年三公经费哪个多", 2025).departments == ["阳泉市民政局", "临汾市民政局"]
