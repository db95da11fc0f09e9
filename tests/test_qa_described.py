"""A body named by what it does instead of its name (qa/described.py), over the sample corpus."""
import pytest

from qa.described import named_by_duty


@pytest.mark.parametrize("question, named", [
    ("阳泉那个管养老服务和殡葬的局24年三公经费多少", "阳泉市民政局24年三公经费多少"),
    ("临汾那个管婚姻登记的局，19年本年支出合计多少", "临汾市民政局，19年本年支出合计多少"),
])
def test_a_body_described_by_its_duties_is_the_department_whose_documents_say_them(engine, question, named):
    assert named_by_duty(engine.lib, question) == named
    assert engine.ask(question).status == "answered"


@pytest.mark.parametrize("question", [
    "那个管交通的局24年花了多少",  # words no department's documents single out
    "那个管养老服务的福利院24年花了多少",  # no body of that kind in the store
    "阳泉民政局24年给困难群众的补助是多少",  # no body described
])
def test_a_description_that_singles_out_no_department_is_left_as_it_is(engine, question):
    assert named_by_duty(engine.lib, question) == question


def test_a_description_both_departments_fit_as_well_asks_about_each(engine):
    """"管养老服务和殡葬改革的那个民政局": both 民政局s' documents say it — each is asked about, neither
    picked (a figure of the other body would be a figure for a different question)."""
    named = named_by_duty(engine.lib, "管养老服务和殡葬改革的那个民政局，公车运行维护费是多少？")
    assert set(named.split("，")[0].split("、")) == {"阳泉市民政局", "临汾市民政局"}
    answer = engine.ask("管养老服务和殡葬改革的那个民政局，公车运行维护费是多少？")
    assert not answer.figures and len(answer.items) == 2


@pytest.mark.parametrize("question, named", [
    # "统筹指导" says a duty; the place is said as "区委里"
    ("普陀区委那个统筹指导信访工作的部门，24年项目支出决算多少？", "中共上海市普陀区委社会工作部，24年项目支出决算多少？"),
    ("普陀区委里负责志愿服务、社会工作人才队伍建设的那个部门，24年花了多少",
     "中共上海市普陀区委社会工作部，24年花了多少"),
    # "那个省级机关的办事机构": the office is the body asked about
    ("负责政治协商、民主监督那个省级机关的办事机构，2017年委员视察经费是多少？", "江苏省政协办公厅，2017年委员视察经费是多少？"),
    # two bodies described in one question, the second in the place of the first; 政协 names it
    ("江苏省委那个负责办文办会、督查落实的办公厅，和负责政协日常工作的办事机关，2019年预算差多少？",
     "江苏省委办公厅，和江苏省政协办公厅，2019年预算差多少？"),
])
def test_bodies_described_in_the_shared_pdfs(pdf_engine, question, named):
    """Over the shared PDFs: 普陀 bodies of a 区委, a 区政府 and a 街道, and two 江苏 办公厅s."""
    assert named_by_duty(pdf_engine.lib, question) == named
