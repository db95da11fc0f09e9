"""Department names: one key per department, its administrative chain, one disclosure per
department, year, kind and scope; the full name from the body when the cover uses a short form."""
from __future__ import annotations

import pytest

from core.names import admin_chain, canonical_department, disclosure_key
from ingest.assemble import official_name


def test_the_names_a_department_prints_for_itself_are_one_key():
    assert canonical_department("中国共产党江苏省委员会办公厅") == canonical_department("中共江苏省委办公厅") \
        == canonical_department("江苏省委办公厅")
    assert canonical_department("上海市财政局") != canonical_department("上海市普陀区财政局")


@pytest.mark.parametrize("name, chain", [
    ("阳泉市民政局", ("", "阳泉市", "")),
    ("上海市普陀区人民政府万里街道办事处", ("上海市", "", "普陀区")),
    ("中共上海市普陀区委社会工作部", ("上海市", "", "普陀区")),
    ("江苏省委办公厅", ("江苏省", "", "")),
    ("四川省成都市武侯区财政局", ("四川省", "成都市", "武侯区")),
    ("成都市武侯区财政局", ("", "成都市", "武侯区")),
    ("新疆维吾尔自治区财政厅", ("新疆维吾尔自治区", "", "")),
])
def test_the_administrative_chain_is_read_from_the_front_of_the_name(name, chain):
    assert admin_chain(name) == chain


def test_a_narrative_file_and_its_tables_file_are_one_disclosure():
    assert disclosure_key("中国共产党江苏省委员会办公厅", 2017, "预算", "部门") == \
        disclosure_key("江苏省委办公厅", 2017, "预算", "部门")
    assert disclosure_key("江苏省委办公厅", 2017, "预算", "部门") != disclosure_key("江苏省委办公厅", 2018, "预算", "部门")


@pytest.mark.parametrize("short, body, full", [
    ("区财政", "成都市武侯区财政局是区政府工作部门。成都市武侯区财政局内设科室8个。", "成都市武侯区财政局"),
    ("省法院", "四川省高级人民法院主要职能：……四川省高级人民法院机关本级", "四川省高级人民法院"),
    ("阳泉市民政局", "阳泉市社会福利院、阳泉市民政事务中心", "阳泉市民政局"),  # already full: kept
    ("区财政", "文中没有任何全称。", "区财政"),
    # the rank word said short may be another one: a 直辖市's 局 called "省财政厅" on its cover
    ("省财政厅", "重庆市财政局是市政府组成部门。重庆市财政局内设处室17个。", "重庆市财政局"),
    ("省财政厅", "本厅会同重庆市民政局开展工作。", "省财政厅"),  # another organ's full name: kept
])
def test_a_short_name_on_the_cover_takes_the_full_name_the_body_prints(short, body, full):
    assert official_name(short, body) == full
