"""What the library holds, asked as such (qa/routes/catalogue.py), on the two samples."""
from __future__ import annotations


def test_the_documents_held_are_listed_and_counted(engine):
    listed = engine.ask("你这里有哪些部门的数据？")
    assert listed.status == "answered" and len(listed.items) == 2 and "阳泉市民政局" in listed.answer
    counted = engine.ask("库里有几份2024年的文件？")
    assert counted.figures[0].value == "1" and counted.figures[0].unit == "份"
    assert counted.citations[0].source == "yangquan-minzheng-2024-juesuan.txt"


def test_whether_all_are_of_a_kind(engine):
    a = engine.ask("阳泉民政局和临汾民政局的材料是不是都是决算？")
    assert a.verdict == "yes" and a.answer.startswith("是。")
    assert engine.ask("山西这两家民政局有没有预算文件？").verdict == "no"


def test_documents_said_as_where_a_figure_is_asked_are_no_count(engine):
    # "这几份决算里": where the figure is read; "我看到的都是决算的数": a remark, not a question about the kind
    a = engine.ask("山西这几份决算里哪家的本年支出合计最大？")
    assert a.figures and a.figures[0].value == "8406.85"
    assert not engine.ask("阳泉民政局24年的预算到底是多少？我看到的都是决算的数。").answer.startswith(("是。", "不是。"))
