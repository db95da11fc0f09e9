"""The scorer itself: unit conversion, rounding, the headline rule, refusals, citations, and a
deliberately wrong answer set that must score low."""
from __future__ import annotations

import pytest

from eval.gold import GOLD_DIR, Cite, GoldItem, load_gold
from eval.report import build_report
from eval.scoring import answer_correct, citation_correct, headline, input_rounding, same_amount, score
from qa.model import ANSWERED, NOT_FOUND, Answer, Citation, Figure


def item(value="28452.82", unit="元", kind="figure", **extra):
    gold = {"value": value, "unit": unit} if value is not None else {"refuse": True}
    cite = Cite(doc="linfen.md", table="一般公共预算财政拨款“三公”经费支出决算表", row="", column=["决算数", "合计"])
    return GoldItem(id="t", q="q", kind=kind, gold={**gold, **extra}, cite=cite if value else None)


def answer(value, unit, text="", status=ANSWERED, citations=()):
    figures = [Figure(value, unit, None, "", "", None)] if value is not None else []
    return Answer("q", text or f"答：{value}{unit}", status, "lookup", figures, list(citations))


@pytest.mark.parametrize("a, au, b, bu, same", [
    ("28,452.82", "元", "28452.82", "元", True),
    ("2.85", "万元", "28452.82", "元", True),  # within the rounding of 万元 to 2 decimals
    ("2.84", "万元", "28452.82", "元", False),
    ("12.02", "万元", "120200", "元", True),
    ("12.03", "万元", "12.02", "万元", False),
    ("25", "辆", "25", "辆", True),
    ("25", "万元", "25", "辆", False),  # a count is not money
    ("0", "台（套）", "0", "台(套)", True),
    ("818", "台（套）", "818", "台/套", True),
    ("818", "台", "818", "辆", False),
    ("9.17", "万元", "9.174718", "万元", True),  # a computed gold, a rounded answer
    ("9", "名", "9", "人", True),  # people, counted either way
    ("9", "名", "9", "个", False),
    ("5", "家", "5", "个", True),  # bodies, counted either way
    ("5", "家", "5", "人", False),
    ("4", "项", "4", "个", True),  # items, counted either way
    ("4", "项", "4", "辆", False),
    ("3.86", "个百分点", "3.86", "百分点", True),  # a gap between shares, said either way
    ("3.86", "个百分点", "3.86", "%", False),
    ("3.2378", "万元", "3.24", "万元/辆", True),  # an amount per thing is money in its money unit
    ("2.25", "万元", "2.25", "万元/月", True),
    ("2.25", "辆", "2.25", "万元/月", False),
    ("1.50", "倍", "149.52", "%", True),  # one ratio as a multiple or a percent, to the multiple's rounding
    ("149.52", "%", "1.50", "倍", True),
    ("1.50", "倍", "140.00", "%", False),
    ("2", "倍", "149.52", "%", False),
])
def test_same_amount(a, au, b, bu, same):
    assert same_amount(a, au, b, bu) is same


def test_a_gold_difference_of_rounded_inputs_allows_their_rounding():
    gold = {"value": "3355.65", "unit": "万元",
            "inputs": [{"value": "18976.76", "unit": "万元"}, {"value": "15621.11", "unit": "万元"}]}
    exact = "33556428"  # 189,767,551元 − 156,211,123元, from the tables in 元
    assert not same_amount(exact, "元", gold["value"], "万元")
    assert same_amount(exact, "元", gold["value"], "万元", input_rounding(gold))
    assert not same_amount("33546428", "元", gold["value"], "万元", input_rounding(gold))


def test_a_rate_computed_from_money_inputs_gets_no_slack_in_yuan():
    """0.49万元 ÷ 2.29万元 = 21.4%: the inputs' rounding (100元) is no tolerance on a percentage."""
    gold = {"value": "21.4", "unit": "%", "inputs": [{"value": "0.49", "unit": "万元"}, {"value": "2.29", "unit": "万元"}]}
    assert not same_amount("99.55", "%", gold["value"], "%", input_rounding(gold))
    assert same_amount("21.40", "%", gold["value"], "%", input_rounding(gold))


def test_headline_is_the_first_figure_not_any_number():
    gold = item("12.02", "万元")
    assert answer_correct(gold, answer("12.02", "万元"))
    many = Answer("q", "收入8450.21万元，支出8406.85万元，三公12.02万元。", ANSWERED, "lookup")
    assert headline(many, "万元") == ("8450.21", "万元")
    assert not answer_correct(gold, many)


def test_differences_keep_their_sign_only_when_the_gold_has_one():
    gap, signed = item("16.00", "万元", kind="compare"), item("-16.00", "万元", kind="compare")
    assert answer_correct(gap, answer("-16.00", "万元")) and answer_correct(gap, answer("16.00", "万元"))
    assert answer_correct(signed, answer("-16.00", "万元"))
    assert not answer_correct(signed, answer("16.00", "万元"))
    assert not answer_correct(item("-16.00", "万元"), answer("16.00", "万元"))  # a figure is never unsigned
    # a follow-up that asks a gap ("比前年少了多少") is read the same way; a plain figure is not
    followup = item("16.00", "万元", kind="followup")
    followup.plan = {"operation": "change"}
    assert answer_correct(followup, answer("-16.00", "万元"))
    assert not answer_correct(item("16.00", "万元", kind="followup"), answer("-16.00", "万元"))


def test_refusals():
    refuse = item(None)
    assert answer_correct(refuse, answer(None, "", "库中没有…", NOT_FOUND))
    assert not answer_correct(refuse, answer("12.02", "万元"))
    assert not answer_correct(item("12.02", "万元"), answer(None, "", "库中没有…", NOT_FOUND))


def test_text_answers_need_every_fragment():
    gold = GoldItem(id="t", q="q", kind="text", gold={"contains": ["殡仪馆迁建项目完工", "养老"]}, cite=None)
    assert answer_correct(gold, Answer("q", "主要原因是殡仪馆迁建项目完工、居民养老服务提升工程完工。", ANSWERED, "retrieval"))
    assert not answer_correct(gold, Answer("q", "主要原因是殡仪馆迁建项目完工。", ANSWERED, "retrieval"))


def test_a_listed_figure_is_found_with_or_without_thousands_separators():
    gold = GoldItem(id="t", q="q", kind="text", gold={"contains": ["4704.35", "1131.92"]}, cite=None)
    assert answer_correct(gold, Answer("q", "人员经费4,704.35万元；公用经费1131.92万元。", ANSWERED, "lookup"))
    assert not answer_correct(gold, Answer("q", "人员经费4,704.35万元；公用经费1,131.9万元。", ANSWERED, "lookup"))
    assert not answer_correct(GoldItem(id="t", q="q", kind="text", gold={"contains": ["1,23"]}, cite=None),
                              Answer("q", "共123万元。", ANSWERED, "lookup"))


def test_a_breakdowns_gold_cell_may_be_any_it_cites():
    right = Citation("linfen.md", "临汾市民政局", 2019, "决算", "公开07表", "一般公共预算财政拨款“三公”经费支出决算表",
                     "", column="决算数/合计", cell="28,452.82")
    other = Citation(**{**right.__dict__, "column": "预算数/合计", "cell": "141,100"})
    listed = answer("141100", "元", "预算141,100元；决算28,452.82元", citations=[other, right])
    assert score(item(kind="breakdown"), listed).citation_ok
    assert not score(item(kind="figure"), listed).citation_ok
    assert not score(item(kind="breakdown"), answer("141100", "元", citations=[other])).citation_ok


def test_citation_rules():
    cite = item().cite
    right = Citation("linfen.md", "临汾市民政局", 2019, "决算", "公开07表", "一般公共预算财政拨款“三公”经费支出决算表",
                     "", column="决算数/合计", cell="28,452.82")
    assert citation_correct(cite, right)
    assert not citation_correct(cite, Citation(**{**right.__dict__, "column": "预算数/合计"}))
    assert not citation_correct(cite, Citation(**{**right.__dict__, "source": "yangquan.txt"}))
    page_cite = Cite(doc="a.pdf", table="收入决算表", row="合计", column=["本年收入合计"], page=6)
    on_page = Citation("a.pdf", "d", 2024, "决算", "", "收入决算表", "合计", column="本年收入合计", page=7)
    assert not citation_correct(page_cite, on_page)
    # the same figure under the same name in another table of the document counts
    other_table = Citation("a.pdf", "d", 2024, "决算", "", "支出决算表", "合计", column="本年收入合计", page=6,
                           cell="307.82")
    assert citation_correct(page_cite, other_table, ("307.82", "万元"))
    assert not citation_correct(page_cite, other_table, ("300.00", "万元"))
    # ...on whatever page that other table is printed
    assert citation_correct(page_cite, Citation(**{**other_table.__dict__, "page": 9}), ("307.82", "万元"))
    assert not citation_correct(page_cite, Citation(**{**on_page.__dict__, "cell": "1.00"}), ("307.82", "万元"))
    # a balanced summary table prints its total on both sides: either total row is the figure
    total = Cite(doc="b.pdf", table="收支预算总表", row="支出合计", column=["金额"], page=1)
    income_side = Citation("b.pdf", "d", 2017, "预算", "", "收支预算总表", "收入合计", column="收入/金额", page=1,
                           cell="20,849.45")
    assert citation_correct(total, income_side, ("20849.45", "万元"))
    assert not citation_correct(total, Citation(**{**income_side.__dict__, "cell": "20,000.00"}), ("20849.45", "万元"))
    assert not citation_correct(total, Citation(**{**income_side.__dict__, "row": "一般公共服务支出"}),
                                ("20849.45", "万元"))  # not a total: the same figure by chance



def test_a_figure_cited_from_the_other_file_of_one_disclosure_counts():
    """江苏 departments publish a 说明 and a 公开表 apart: the table file's cell printing the figure
    the gold reads from the 说明 is as checkable, but only for the same department, year and kind."""
    gold = Cite(doc="说明.pdf", section="二、收入预算情况说明", page=9)
    cell = Citation("公开表.pdf", "江苏省政协办公厅", 2018, "预算", "公开03表", "支出预算总表", "项目支出",
                    column="项目支出", page=3, cell="3,314.68")
    one = {"说明.pdf": ("江苏省政协办公厅", 2018, "预算"), "公开表.pdf": ("江苏省政协办公厅", 2018, "预算")}
    assert citation_correct(gold, cell, ("3314.68", "万元"), one)
    assert not citation_correct(gold, cell, ("3314.68", "万元"))  # no files known to belong together
    assert not citation_correct(gold, cell, ("3300.00", "万元"), one)  # a cell printing another figure
    assert not citation_correct(gold, Citation(**{**cell.__dict__, "cell": "0"}), ("0", "万元"), one)  # zero: too many cells
    other_year = {**one, "公开表.pdf": ("江苏省政协办公厅", 2019, "预算")}
    assert not citation_correct(gold, cell, ("3314.68", "万元"), other_year)
    sentence = Citation("公开表.pdf", "江苏省政协办公厅", 2018, "预算", quote="项目支出3314.68万元，主要用于…")
    assert citation_correct(Cite(doc="说明.pdf", table="支出预算总表", row="项目支出"), sentence, ("3314.68", "万元"), one)

def test_a_deliberately_wrong_answer_set_scores_low():
    """Every gold figure answered 10% too high (with the gold's own citation) scores 0."""
    items = [g for g in load_gold([GOLD_DIR / "samples.jsonl"]) if g.kind == "figure" and g.value]
    results = []
    for g in items:
        cite = Citation(g.cite.doc, "", 0, "", "", g.cite.table or "", g.cite.row or "", column="/".join(g.cite.column),
                        section=g.cite.section or "")
        results.append((g, answer(f"{g.value * 1.1 + 1:.2f}", g.unit, citations=[cite]), 0.001))
    report = build_report(results)
    assert report["overall"]["n"] >= 100
    assert report["overall"]["answer"] < 0.05 and report["overall"]["strict"] < 0.05
    assert score(items[0], results[0][1]).answer_ok is False


def test_gold_files_are_well_formed():
    items = load_gold([GOLD_DIR / "samples.jsonl"] +
                      sorted(GOLD_DIR.glob("shared_*.jsonl")))
    assert len(items) >= 200 and len({g.id for g in items}) == len(items)
    for g in items:
        assert g.kind in ("figure", "text", "compare", "refuse", "followup")
        assert g.refuse or g.value is not None or g.gold.get("contains"), g.id


def test_eval_cli_on_the_samples_meets_its_threshold(sample_store, tmp_path):
    from eval.__main__ import main

    out = tmp_path / "report.json"
    assert main(["--gold", str(GOLD_DIR / "samples.jsonl"), "--store", str(sample_store), "--json", str(out),
                 "--min", "0.88"]) == 0  # measured 0.915 (README)
    assert out.exists()


def test_a_computed_figure_may_first_cite_any_of_its_inputs():
    inputs = [{"doc": "a.pdf", "table": "三公经费表", "row": "", "column": ["合计"], "value": "660.10", "unit": "万元"},
              {"doc": "b.pdf", "table": "三公经费表", "row": "", "column": ["合计"], "value": "676.10", "unit": "万元"}]
    gold = GoldItem(id="t", q="q", kind="compare", gold={"value": "16.00", "unit": "万元", "inputs": inputs},
                    cite=Cite(doc="a.pdf", table="三公经费表", row="", column=["合计"]))

    def first_cites(doc, cell):
        cite = Citation(doc, "d", 2019, "预算", "", "三公经费表", "", column="合计", cell=cell)
        return score(gold, answer("-16.00", "万元", citations=[cite])).citation_ok

    assert first_cites("a.pdf", "660.10") and first_cites("b.pdf", "676.10")
    assert not first_cites("c.pdf", "676.10")


def test_a_yes_no_with_an_unsigned_gold_difference_is_matched_by_size():
    gold = GoldItem(id="y", q="q", kind="yesno", gold={"yes": True, "value": "876.75", "unit": "万元"}, cite=None)
    said = Answer("q", "是。前者比后者少8767517元", ANSWERED, "lookup", verdict="yes",
                  figures=[Figure("-8767517", "元", -8767517.0, "差额", "", None, derived=True)])
    assert answer_correct(gold, said)
    signed = GoldItem(id="z", q="q", kind="yesno", gold={"yes": True, "value": "-876.75", "unit": "万元"}, cite=None)
    assert answer_correct(signed, said)
    assert not answer_correct(gold, Answer("q", "是", ANSWERED, "lookup", verdict="yes",
                                           figures=[Figure("-900", "万元", -9000000.0, "差额", "", None)]))


def test_a_yes_no_with_no_deciding_figure_is_scored_on_its_verdict():
    gold = GoldItem(id="n", q="q", kind="yesno", gold={"yes": False, "value": None, "unit": None}, cite=None)
    assert answer_correct(gold, Answer("q", "没有。", ANSWERED, "lookup", verdict="no"))
    assert not answer_correct(gold, Answer("q", "有。", ANSWERED, "lookup", verdict="yes"))


def test_a_list_may_cite_the_gold_cell_in_any_entry_and_a_yes_no_in_any_citation():
    from qa.model import UNCLEAR, Item

    cite = Cite(doc="yq.txt", table="支出决算表", row="拥军优属", column=[])
    gold = GoldItem(id="t", q="q", kind="candidates", cite=cite,
                    gold={"candidates": [{"value": "1", "unit": "万元"}, {"value": "2", "unit": "万元"}]})

    def entry(row, value):
        return Item(row, value, "万元", Citation("yq.txt", "d", 2024, "决算", "", "支出决算表", row, cell=value))

    listed = Answer("q", "…", UNCLEAR, "lookup", items=[entry("其他优抚支出", "1"), entry("拥军优属", "2")])
    assert score(gold, listed).citation_ok and score(gold, listed).answer_ok
    other = Answer("q", "…", UNCLEAR, "lookup", items=[entry("其他优抚支出", "1"), entry("优抚", "2")])
    assert not score(gold, other).citation_ok

    said = Cite(doc="yq.txt", table=None, row="", column=[], section="三公经费说明")
    yes_no = GoldItem(id="t", q="q", kind="yesno", gold={"yes": False, "value": "0", "unit": "万元"}, cite=said)
    cell = Citation("yq.txt", "d", 2024, "决算", "", "三公表", "", cell="")
    sentence = Citation("yq.txt", "d", 2024, "决算", section="九 > 三公经费说明", quote="公务接待费0万元")
    assert score(yes_no, answer("0", "万元", citations=[cell, sentence])).citation_ok
    assert not score(yes_no, answer("0", "万元", citations=[cell])).citation_ok


def test_understanding_is_scored_on_operation_departments_in_any_order_and_years():
    from eval.scoring import plan_correct

    gold = GoldItem(id="t", q="两个民政局三公经费加起来", kind="compare", gold={"value": "1"}, cite=None,
                    plan={"operation": "sum", "departments": ["阳泉市民政局", "临汾市民政局"], "years": [2024, 2019]})
    assert plan_correct(gold, {"operation": "sum", "departments": ["临汾市民政局", "阳泉市民政局"], "years": [2019, 2024]})
    assert not plan_correct(gold, {"operation": "compare", "departments": ["临汾市民政局", "阳泉市民政局"],
                                   "years": [2019, 2024]})
    assert not plan_correct(gold, {"operation": "sum", "departments": ["阳泉市民政局"], "years": [2024]})


def test_a_figure_the_gold_reads_from_a_sentence_may_be_cited_on_a_cell_printing_it():
    said = Cite(doc="wl.pdf", table=None, row="", column=[], section="一、收支预算总体情况")
    cell = Citation("wl.pdf", "d", 2025, "预算", "", "收入预算总表", "合计", column="合计", cell="189,767,551")
    assert citation_correct(said, cell, ("18976.76", "万元"))
    assert not citation_correct(said, cell, ("18976.00", "万元"))  # another figure
    other = Citation("other.pdf", "d", 2025, "预算", "", "收入预算总表", "合计", column="合计", cell="189,767,551")
    assert not citation_correct(said, other, ("18976.76", "万元"))  # another document
    zero = Citation("wl.pdf", "d", 2025, "预算", "", "三公表", "", column="合计", cell="0")
    assert not citation_correct(said, zero, ("0", "万元"))  # a zero is in too many cells


def test_a_department_the_store_lacks_is_understood_when_its_name_is_read_whole():
    from eval.scoring import plan_correct

    gold = GoldItem(id="t", q="江苏省人大常委会办公厅2019年预算多少钱", kind="refuse", gold={"refuse": True}, cite=None,
                    plan={"operation": "value", "departments": ["江苏省人大常委会办公厅"], "years": [2019]})
    assert plan_correct(gold, {"operation": "value", "departments": [], "years": [2019],
                               "unknown_departments": ["江苏人大常委会办公厅"]})
    assert not plan_correct(gold, {"operation": "value", "departments": [], "years": [2019],
                                   "unknown_departments": ["江苏人大"]})


def test_a_figure_the_gold_reads_from_a_cell_may_be_cited_on_a_sentence_printing_it():
    cell = Cite(doc="bj.pdf", table="收入支出决算总表", row="本年收入合计", column=["决算数"])
    said = Citation("bj.pdf", "d", 2024, "决算", "", quote="本年收入合计4450.05万元，其中：财政拨款收入4450.05万元")
    assert citation_correct(cell, said, ("4450.05", "万元"))
    assert citation_correct(cell, said, ("4450.05", ""))  # a table printing no unit
    assert not citation_correct(cell, said, ("4450.50", "万元"))
    zero = Citation("bj.pdf", "d", 2024, "决算", "", quote="事业收入0万元")
    assert not citation_correct(cell, zero, ("0", "万元"))


def test_a_figure_from_a_table_printing_no_unit_is_given_without_one():
    """The gold unit "" (the table prints none): the printed value shown with its cell and no
    headline, or a headline whose unit a sentence states; never a unit the table lacks."""
    def unitless(value):
        return GoldItem(id="t", q="q", kind="figure", gold={"value": value, "unit": ""},
                        cite=Cite(doc="bj.pdf", table="收入支出决算总表", row="年末结转和结余", column=["决算数"]))

    gold = unitless("200.79")
    cell = Citation("bj.pdf", "d", 2024, "决算", "", "收入支出决算总表", "年末结转和结余", column="决算数", cell="200.79")
    said = Citation("bj.pdf", "d", 2024, "决算", "", quote="年末结转和结余200.79万元")
    shown = answer(None, "", text="表中印为200.79，但该表没有印金额单位。", status=NOT_FOUND, citations=[cell])
    assert answer_correct(gold, shown)
    assert not answer_correct(gold, answer(None, "", text="没有找到。", status=NOT_FOUND, citations=[cell]))
    assert answer_correct(gold, answer("200.79", "万元", citations=[said]))
    assert not answer_correct(gold, answer("200.79", "万元", citations=[cell]))  # a unit the table does not print
    other = Citation("bj.pdf", "d", 2024, "决算", "", "收入决算表", "合计", column="决算数", cell="200.79")
    assert answer_correct(gold, answer("200.79", "万元", citations=[other]))  # another table printing its unit
    assert answer_correct(unitless("2007900"), answer("200.79", "万元", citations=[said]))  # the cell was in 元
    assert not answer_correct(gold, answer("200.80", "万元", citations=[said]))


def test_a_change_may_be_read_as_a_gap_and_its_compared_year_listed_or_not():
    from eval.scoring import plan_correct

    gap = GoldItem(id="t", q="万里街道25年预算比24年多了多少", kind="compare", gold={"value": "1"}, cite=None,
                   plan={"operation": "diff", "departments": ["万里街道办事处"], "years": [2025, 2024]})
    assert plan_correct(gap, {"operation": "change", "departments": ["万里街道办事处"], "years": [2024, 2025]})
    assert not plan_correct(gap, {"operation": "sum", "departments": ["万里街道办事处"], "years": [2024, 2025]})
    why = GoldItem(id="t", q="临汾民政局19年收入为什么比18年少", kind="text", gold={"contains": ["x"]}, cite=None,
                   plan={"operation": "describe", "departments": ["临汾市民政局"], "years": [2019]})
    assert plan_correct(why, {"operation": "describe", "departments": ["临汾市民政局"], "years": [2018, 2019],
                              "compared_years": [2018]})
    assert not plan_correct(why, {"operation": "describe", "departments": ["临汾市民政局"], "years": [2018]})
    value = GoldItem(id="t", q="临汾民政局19年收入", kind="figure", gold={"value": "1"}, cite=None,
                     plan={"operation": "value", "departments": ["临汾市民政局"], "years": [2019]})
    assert not plan_correct(value, {"operation": "value", "departments": ["临汾市民政局"], "years": [2018, 2019]})


def test_a_gold_section_copied_with_its_parent_heading_matches_the_cited_path():
    cited = Citation("wl.pdf", "d", 2024, "预算", section="其他相关情况说明 > 三、政府采购预算情况", page=32,
                     quote="面向中小企业预留政府采购项目预算金额664.98万元")
    for copied in ("其他相关情况说明 三、政府采购预算情况", "其他相关情况说明 > 三、政府采购预算情况",
                   "三、政府采购预算情况", "其他相关情况说明三、政府采购预算情况"):
        assert citation_correct(Cite(doc="wl.pdf", table=None, row="", column=[], section=copied, page=32), cited)
    elsewhere = Cite(doc="wl.pdf", table=None, row="", column=[], section="其他相关情况说明 四、绩效目标设置情况", page=32)
    assert not citation_correct(elsewhere, cited)


def test_a_gold_row_printed_with_its_ordinal_matches_the_same_row_in_another_table():
    cite = Cite(doc="wl.pdf", table="部门财务收支预算总表", row="八、城乡社区支出", column=["预算数"])
    other = Citation("wl.pdf", "d", 2024, "预算", "", "部门支出预算总表", "城乡社区支出", column="支出预算/合计",
                     cell="119,385,303")
    assert citation_correct(cite, other, ("119385303", "元"))
    assert not citation_correct(cite, other, ("19604064", "元"))  # another figure


def test_which_changed_faster_may_head_the_faster_rate_with_the_gap_in_points_beside_it():
    gold = GoldItem(id="t", q="哪个降得快", kind="compare", gold={"value": "7.25", "unit": "个百分点"}, cite=None)
    rate = Figure("23.99", "%", None, "支出总计（下降率）", "d", 2019, derived=True)
    gap = Figure("7.25", "个百分点", None, "变化率之差", "d", 2019, derived=True)
    assert answer_correct(gold, Answer("q", "…", ANSWERED, "lookup", figures=[rate, gap]))
    other = Figure("7.30", "个百分点", None, "变化率之差", "d", 2019, derived=True)
    assert not answer_correct(gold, Answer("q", "…", ANSWERED, "lookup", figures=[rate, other]))


def test_a_gold_value_that_is_a_name_must_be_named_whatever_figure_heads():
    """"谁的三公经费降得更厉害" → 临汾市民政局: the rates beside the name are the answer's evidence."""
    gold = item("临汾市民政局", "", kind="compare", contains=["临汾"])
    assert answer_correct(gold, answer("40.13", "%", text="临汾市民政局三公经费降得更多，下降40.13%"))
    assert not answer_correct(gold, answer("8.87", "%", text="阳泉市民政局三公经费降得更多（临汾下降8%）"))
