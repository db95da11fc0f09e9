"""Department names: one key per department, its administrative chain, its disclosure.

A department prints itself in several ways (中国共产党江苏省委员会办公厅, 中共江苏省委办公厅,
江苏省委办公厅); they are one key. The places in front of the organisation (上海市 · 普陀区) are
its administrative chain: a city bureau and a district bureau of the same name are two keys.
"""
from __future__ import annotations

import re

from core.text import match_key

# the long forms a department's own documents print, and the form they print equally often
SAME_NAME = [("中国共产党", "中共"), ("委员会", "委")]
PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区|区|县|自治县|旗)(?!委|政府)"
                      r"|^[\u4e00-\u9fff]{2,6}?[省市区县](?=委|政府|人民政府)")
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
PROVINCE_SUFFIX = ("省", "自治区", "特别行政区")
CITY_SUFFIX = ("市", "自治州", "州", "盟", "地区")


def canonical_department(name: str) -> str:
    """One key for the names a department prints for itself (中共江苏省委办公厅 ≡ 江苏省委办公厅)."""
    key = match_key(name)
    for full, short in SAME_NAME:
        key = key.replace(full, short)
    key = re.sub(r"^中共(?=.{2,}?[省市区县])", "", key)
    return re.sub(r"[(（](本级|本部)[)）]$", "", key)


def split_places(name: str) -> tuple[list[str], str]:
    """"上海市普陀区委社会工作部" -> (["上海市", "普陀区"], "委社会工作部")."""
    places = []
    form = name
    while m := PLACE_RE.match(form):
        places.append(m.group(0))
        form = form[m.end():]
    return places, form


def admin_chain(name: str) -> tuple[str, str, str]:
    """(province, city, district) named at the front of a department's name, "" where absent:
    阳泉市民政局 → ("", "阳泉市", ""); 上海市普陀区… → ("上海市", "", "普陀区")."""
    province = city = district = ""
    for place in split_places(canonical_department(name))[0]:
        if place.endswith(PROVINCE_SUFFIX) or (place in MUNICIPALITIES and not province):
            province = place
        elif place.endswith(CITY_SUFFIX) and not city and not (province in MUNICIPALITIES):
            city = place
        else:
            district = district or place
    return province, city, district


def disclosure_key(department: str, year: int, kind: str, scope: str) -> tuple[str, int, str, str]:
    """Files that are one disclosure: the same department, year, kind and scope (a narrative PDF
    and its 公开表 PDF)."""
    return canonical_department(department), year, kind, scope
