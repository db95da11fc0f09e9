"""Project forms (项目支出绩效目标表 / 绩效自评表) read into one table of projects: generated PDFs in
both layouts the templates print, the text sample, and a shared PDF."""
from __future__ import annotations

import pytest

from conftest import SHARED_PDFS, needs_shared, parsed
from core.model import Grid
from ingest.forms import PROJECT_FUNDS, UNREAD_FORMS, project_table, whole_projects
from pdf_fixtures import project_forms_pdf


def projects(doc) -> dict[str, dict[str, str]]:
    """Every project of the document's project tables: its name -> money item -> amount (with unit)."""
    return {row.label: {c: f"{v}{row.unit}" for c, v in zip(t.columns, row.values) if v is not None}
            for t in doc.tables if t.type == PROJECT_FUNDS for row in t.rows}


@pytest.fixture(scope="module")
def forms_doc(tmp_path_factory):
    from ingest import parse_file
    return parse_file(project_forms_pdf(tmp_path_factory.mktemp("forms") / "forms.pdf"))


def test_label_amount_pairs_become_a_project_row_in_the_unit_of_their_label(forms_doc):
    """"项目资金（元）" beside "项目资金总额 | 1,250,000.00 | 年度资金申请总额 | …": one row per project,
    an item per label, "其中：" dropped, the unit from the merged label cell."""
    found = projects(forms_doc)
    assert found["社区助餐服务补贴"]["项目资金总额"] == "1,250,000.00元"
    assert found["养老服务设施运营经费"]["当年财政拨款"] == "3,600,500.00元"
    assert found["养老服务设施运营经费"]["财政资金"] == "3,400,500.00元"
    assert found["社区助餐服务补贴"]["上年结转资金"] == "0.00元"


def test_measures_over_amounts_are_read_by_line_and_measure_never_scores_or_rates(forms_doc):
    """The national 自评表: "年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分" over "年度资金总额 |
    80.00 | 85.00 | 78.20 | 10 | 92.00% | 9.2": money only, each named by its line and measure."""
    found = projects(forms_doc)["老年人助浴服务项目"]
    assert found["年度资金总额/全年预算数"] == "85.00万元"
    assert found["年度资金总额/全年执行数"] == "78.20万元"
    assert not any(word in item for item in found for word in ("分值", "执行率", "得分"))
    assert projects(forms_doc)["困难群众临时救助工作经费"]["当年财政拨款/年初预算数"] == "120.00万元"


def test_project_tables_are_no_printed_tables_and_carry_their_forms_pages(forms_doc):
    tables = [t for t in forms_doc.tables if t.type == PROJECT_FUNDS]
    assert [t.category for t in tables] == ["projects", "projects"]
    assert [r.page for t in tables for r in t.rows] == [2, 3, 4, 5]


def test_a_form_naming_a_person_is_left_out_and_its_table_says_so(tmp_path):
    from ingest import parse_file
    doc = parse_file(project_forms_pdf(tmp_path / "shuffled.pdf", shuffled=True))
    assert "王小明" not in projects(doc)
    assert any(UNREAD_FORMS in t.warnings for t in doc.tables if t.type == PROJECT_FUNDS)
    assert whole_projects(doc) is None


def test_an_item_printed_twice_with_two_amounts_is_left_out():
    """"其他资金 0.00 | 其他资金 5.00" on one form: which is which cannot be told, so neither is kept."""
    grid = Grid([["项目名称", "示例项目经费", None, None],
                 ["项目资金（元）", "项目资金总额", "100.00", None],
                 [None, "其他资金", "0.00", None],
                 [None, "其他资金", "5.00", None]], page=1)
    from core.model import Table
    table = project_table(grid, Table(title="项目支出绩效目标表", columns=[], rows=[]))
    assert table.columns == ["项目资金总额"]
    assert table.rows[0].values == ["100.00"]


@pytest.mark.parametrize("cells", [["项目名称", "王瑞星", "联系电话"], ["项目名称", "预算数", "联系电话"],
                                   ["项目名称", "阳泉市民政局", "实施单位"]])
def test_a_name_cell_holding_a_person_a_label_or_an_organ_reads_no_form(cells):
    grid = Grid([cells + [None], ["项目资金（万元）", "项目预算金额", "35", None]], page=1)
    from core.model import Table
    assert project_table(grid, Table(title="项目支出绩效自评表", columns=[], rows=[])) is None


def test_the_text_samples_forms_are_read_where_plain_and_not_called_whole(yangquan):
    """The 阳泉 annex: forms whose cells the export kept in place are read ("三无人员生活经费 |
    项目预算金额 (万元) 0.72"); several forms were exported as running text, so the projects are not all
    there and no ranking over them is whole."""
    found = projects(yangquan)
    assert found["三无人员生活经费"]["实际执行金额"] == "0.72万元"
    assert found["老年失能失智康养介护中心（市级摄影）"]["实际执行金额"] == "30.83万元"
    assert found["困难群众补助救助资金-省级(阳财社2023162号)"]["实际执行金额"] == "6.19万元"  # (a name may end in 资金)
    assert whole_projects(yangquan) is None


@needs_shared
def test_the_shared_pdfs_five_forms_are_its_projects():
    doc = parsed(SHARED_PDFS / "上海市普陀区万里街道办事处_2023年部门预算.pdf")
    found = projects(doc)
    assert len(found) == 5
    assert found["公共服务设施运行经费"]["项目资金总额"] == "10,903,043.00元"
    assert found["就业援助基地补贴"]["上年结转资金"] == "0.00元"
    assert whole_projects(doc) is not None
