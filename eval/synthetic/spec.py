"""Synthetic 部门决算 / 部门预算 disclosures with known figures.

`generate` draws one department's document: its tables (as the national templates lay them out)
and its 情况说明 narrative, both printed from one set of figures that add up the way real tables do
(项 → 款 → 类 → 合计, 基本 + 项目 = 合计, 收入 = 支出 + 结转). Each printed figure is kept as text
exactly as it will appear on the page, so the expected answers are what a reader sees.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

# ================================================================ catalogues
# Real names only: places, bodies, and the 科目 of the national 政府收支分类科目 as the template and
# the real documents under shared/ print them, so a parser meets the vocabulary of real documents.

# Province → cities → districts. A municipality's "city" is itself.
PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "河南省": {"洛阳市": ("涧西区", "西工区", "老城区", "洛龙区"), "郑州市": ("金水区", "二七区", "中原区", "惠济区"),
             "开封市": ("鼓楼区", "龙亭区")},
    "四川省": {"成都市": ("武侯区", "锦江区", "青羊区", "金牛区", "成华区"), "绵阳市": ("涪城区", "游仙区"),
             "宜宾市": ("翠屏区", "叙州区")},
    "浙江省": {"杭州市": ("西湖区", "上城区", "拱墅区", "滨江区", "余杭区"), "宁波市": ("海曙区", "江北区", "鄞州区"),
             "温州市": ("鹿城区", "瓯海区")},
    "江苏省": {"南京市": ("玄武区", "秦淮区", "鼓楼区", "建邺区", "栖霞区"), "苏州市": ("姑苏区", "吴中区", "相城区"),
             "无锡市": ("梁溪区", "滨湖区", "锡山区")},
    "广东省": {"广州市": ("越秀区", "海珠区", "天河区", "白云区", "番禺区"), "深圳市": ("福田区", "罗湖区", "南山区", "宝安区"),
             "佛山市": ("禅城区", "南海区", "顺德区")},
    "山东省": {"济南市": ("历下区", "槐荫区"), "青岛市": ("市南区", "市北区", "崂山区", "黄岛区"), "烟台市": ("芝罘区", "莱山区")},
    "湖北省": {"武汉市": ("江岸区", "江汉区", "武昌区", "洪山区"), "宜昌市": ("西陵区", "伍家岗区")},
    "湖南省": {"长沙市": ("芙蓉区", "天心区", "岳麓区", "开福区", "雨花区"), "株洲市": ("天元区", "芦淞区")},
    "山西省": {"太原市": ("小店区", "迎泽区", "杏花岭区"), "临汾市": ("尧都区",)},
    "河北省": {"石家庄市": ("长安区", "桥西区", "新华区", "裕华区"), "保定市": ("竞秀区", "莲池区")},
    "福建省": {"福州市": ("鼓楼区", "台江区", "仓山区"), "厦门市": ("思明区", "湖里区", "集美区")},
    "安徽省": {"合肥市": ("蜀山区", "包河区", "庐阳区", "瑶海区"), "芜湖市": ("镜湖区", "鸠江区")},
    "江西省": {"南昌市": ("东湖区", "西湖区", "青山湖区"), "赣州市": ("章贡区", "南康区")},
    "陕西省": {"西安市": ("雁塔区", "碑林区", "莲湖区", "未央区"), "宝鸡市": ("渭滨区", "金台区")},
    "辽宁省": {"沈阳市": ("和平区", "沈河区", "皇姑区", "铁西区"), "大连市": ("中山区", "西岗区", "沙河口区")},
    "吉林省": {"长春市": ("南关区", "朝阳区", "绿园区")},
    "黑龙江省": {"哈尔滨市": ("道里区", "南岗区", "香坊区")},
    "云南省": {"昆明市": ("五华区", "盘龙区", "官渡区", "西山区")},
    "贵州省": {"贵阳市": ("南明区", "云岩区", "观山湖区")},
    "甘肃省": {"兰州市": ("城关区", "七里河区", "安宁区")},
    "广西壮族自治区": {"南宁市": ("青秀区", "兴宁区", "西乡塘区"), "柳州市": ("城中区", "鱼峰区")},
    "上海市": {"上海市": ("普陀区", "徐汇区", "静安区", "黄浦区", "杨浦区", "闵行区")},
    "北京市": {"北京市": ("海淀区", "朝阳区", "东城区", "西城区", "丰台区")},
    "天津市": {"天津市": ("和平区", "河西区", "南开区")},
    "重庆市": {"重庆市": ("渝中区", "江北区", "沙坪坝区", "九龙坡区")},
}
MUNICIPALITIES = frozenset({"上海市", "北京市", "天津市", "重庆市"})


@dataclass(frozen=True)
class Org:
    """One kind of department: its name at each level, the forms people shorten it to, its 款."""

    key: str
    province: str          # 民政厅 (name at provincial level)
    city: str              # 民政局
    district: str          # 民政局 ("" where no district body exists)
    municipal: str         # name at provincial level in a municipality (上海市民政局)
    cover_short: tuple[str, str, str]   # cover forms at province / city / district level
    spoken: tuple[str, str, str]        # what citizens call it after the place name
    kuan: tuple[str, ...]  # its own 功能分类 款
    units: tuple[str, ...]  # subordinate units (名称 without place)
    duty: str
    since: int = 2017       # first year it exists (bodies of the 2018 institutional reform: 2019)

    def name_at(self, level: str, municipal: bool) -> str:
        if level == "province":
            return self.municipal if municipal else self.province
        return self.city if level == "city" else self.district


ORGS: tuple[Org, ...] = (
    Org("民政", "民政厅", "民政局", "民政局", "民政局", ("省民政厅", "市民政局", "区民政局"), ("民政厅", "民政局", "民政局"),
        ("20802", "20810", "20819", "20820"), ("社会福利院", "救助管理站", "殡葬管理所", "儿童福利院", "婚姻登记中心"),
        "贯彻执行民政工作的方针政策和法律法规，负责社会救助、养老服务、儿童福利、社会组织管理、区划地名和殡葬管理等工作。"),
    Org("财政", "财政厅", "财政局", "财政局", "财政局", ("省财政厅", "市财政", "区财政"), ("财政厅", "财政局", "财政局"),
        ("20106",), ("财政投资评审中心", "国库收付中心", "会计核算中心"),
        "拟订财政发展规划和政策，编制年度预决算草案并组织执行，负责政府非税收入、国库集中收付、政府采购监督管理和会计管理工作。"),
    Org("教育", "教育厅", "教育局", "教育局", "教育委员会", ("省教育厅", "市教育局", "区教育局"), ("教育厅", "教育局", "教育局"),
        ("20501", "20502", "20508"), ("教师进修学校", "教育考试中心", "电化教育馆", "青少年活动中心"),
        "贯彻执行教育方针政策，统筹管理各级各类教育，负责教育经费管理、教师队伍建设、招生考试和教育督导工作。"),
    Org("卫健", "卫生健康委员会", "卫生健康委员会", "卫生健康委员会", "卫生健康委员会", ("省卫健委", "市卫健委", "区卫健委"),
        ("卫健委", "卫健委", "卫健委"), ("21001", "21004", "21007"), ("疾病预防控制中心", "妇幼保健院", "卫生监督所"),
        "组织拟订国民健康政策，协调推进医药卫生体制改革，负责疾病预防控制、医疗服务管理、妇幼健康和计划生育管理服务工作。", 2019),
    Org("法院", "高级人民法院", "中级人民法院", "人民法院", "高级人民法院", ("省法院", "市中院", "区法院"), ("高院", "中院", "法院"),
        ("20405",), (),
        "依法审理各类案件，监督指导辖区法院审判和执行工作，负责审判管理、司法公开、诉讼服务和法院队伍建设。"),
    Org("检察", "人民检察院", "人民检察院", "人民检察院", "人民检察院", ("省检察院", "市检察院", "区检察院"),
        ("检察院", "检察院", "检察院"), ("20404",), (),
        "依法行使检察权，负责刑事检察、民事检察、行政检察和公益诉讼检察工作，对诉讼活动实行法律监督。"),
    Org("规资", "自然资源厅", "规划和自然资源局", "规划和自然资源局", "规划和自然资源局", ("省自然资源厅", "市规资局", "区规资局"),
        ("自然资源厅", "规资局", "规资局"), ("22001", "21202"), ("不动产登记中心", "土地储备中心", "测绘院"),
        "履行全民所有土地、矿产等自然资源资产所有者职责和国土空间用途管制职责，负责国土空间规划、不动产登记和测绘地理信息管理。", 2019),
    Org("生态", "生态环境厅", "生态环境局", "", "生态环境局", ("省生态环境厅", "市生态环境局", ""), ("生态环境厅", "环保局", ""),
        ("21101", "21102", "21103"), ("生态环境监测中心", "环境监察支队"),
        "负责生态环境监督管理，组织实施大气、水、土壤污染防治，承担环境监测、环境影响评价和生态环境执法工作。", 2019),
    Org("文旅", "文化和旅游厅", "文化和旅游局", "文化和旅游局", "文化和旅游局", ("省文旅厅", "市文旅局", "区文旅局"),
        ("文旅厅", "文旅局", "文旅局"), ("20701", "20702"), ("图书馆", "文化馆", "博物馆"),
        "贯彻落实文化和旅游工作方针政策，统筹公共文化服务体系建设、文物保护利用和旅游市场管理，推进文化和旅游融合发展。", 2019),
    Org("市场监管", "市场监督管理局", "市场监督管理局", "市场监督管理局", "市场监督管理局",
        ("省市场监管局", "市市场监管局", "区市场监管局"), ("市场监管局", "市场监管局", "市场监管局"),
        ("20138",), ("计量测试所", "食品药品检验所", "消费者权益保护中心"),
        "负责市场综合监督管理，统一登记市场主体，组织市场监管综合执法，承担食品安全、特种设备安全、质量和计量监督管理工作。", 2019),
    Org("司法", "司法厅", "司法局", "司法局", "司法局", ("省司法厅", "市司法局", "区司法局"), ("司法厅", "司法局", "司法局"),
        ("20406",), ("公证处", "法律援助中心"),
        "统筹推进法治政府建设，负责普法宣传、人民调解、社区矫正、律师公证管理和公共法律服务体系建设。"),
    Org("退役军人", "退役军人事务厅", "退役军人事务局", "退役军人事务局", "退役军人事务局",
        ("省退役军人厅", "市退役军人局", "区退役军人局"), ("退役军人厅", "退役军人局", "退役军人局"),
        ("20828", "20808", "20809"), ("退役军人服务中心", "军供站", "光荣院"),
        "负责退役军人思想政治、管理保障和安置工作，组织实施优抚褒扬、拥军优属和军休服务管理。", 2019),
    Org("人社", "人力资源和社会保障厅", "人力资源和社会保障局", "人力资源和社会保障局", "人力资源和社会保障局",
        ("省人社厅", "市人社局", "区人社局"), ("人社厅", "人社局", "人社局"), ("20801", "20807"),
        ("社会保险中心", "劳动人事争议仲裁院", "就业服务中心"),
        "统筹人力资源市场和就业创业工作，负责社会保险政策实施、劳动关系协调、劳动保障监察和人事人才管理工作。"),
)

# Bodies never generated: their questions must be refused.
ABSENT_ORGS = ("气象局", "档案馆", "体育局", "林业局", "统计局", "医疗保障局")

# 功能分类: 类 (3 digits), 款 (5), 项 (7). Names as in the current 政府收支分类科目.
FUNC: dict[str, str] = {
    "201": "一般公共服务支出",
    "20106": "财政事务", "2010601": "行政运行", "2010602": "一般行政管理事务", "2010603": "机关服务",
    "2010650": "事业运行", "2010699": "其他财政事务支出",
    "20138": "市场监督管理事务", "2013801": "行政运行", "2013802": "一般行政管理事务", "2013803": "机关服务",
    "2013850": "事业运行", "2013899": "其他市场监督管理事务",
    "204": "公共安全支出",
    "20404": "检察", "2040401": "行政运行", "2040402": "一般行政管理事务", "2040403": "机关服务",
    "2040499": "其他检察支出",
    "20405": "法院", "2040501": "行政运行", "2040502": "一般行政管理事务", "2040503": "机关服务",
    "2040599": "其他法院支出",
    "20406": "司法", "2040601": "行政运行", "2040602": "一般行政管理事务", "2040603": "机关服务",
    "2040604": "基层司法业务", "2040605": "普法宣传", "2040606": "律师管理", "2040607": "公共法律服务",
    "2040650": "事业运行", "2040699": "其他司法支出",
    "205": "教育支出",
    "20501": "教育管理事务", "2050101": "行政运行", "2050102": "一般行政管理事务", "2050103": "机关服务",
    "2050199": "其他教育管理事务支出",
    "20502": "普通教育", "2050201": "学前教育", "2050202": "小学教育", "2050203": "初中教育", "2050204": "高中教育",
    "2050299": "其他普通教育支出",
    "20508": "进修及培训", "2050801": "教师进修", "2050802": "干部教育",
    "207": "文化旅游体育与传媒支出",
    "20701": "文化和旅游", "2070101": "行政运行", "2070102": "一般行政管理事务", "2070103": "机关服务",
    "2070104": "图书馆", "2070108": "文化活动", "2070109": "群众文化", "2070199": "其他文化和旅游支出",
    "20702": "文物", "2070201": "行政运行", "2070204": "文物保护", "2070205": "博物馆",
    "208": "社会保障和就业支出",
    "20801": "人力资源和社会保障管理事务", "2080101": "行政运行", "2080102": "一般行政管理事务", "2080103": "机关服务",
    "2080109": "社会保险经办机构", "2080150": "事业运行", "2080199": "其他人力资源和社会保障管理事务支出",
    "20802": "民政管理事务", "2080201": "行政运行", "2080202": "一般行政管理事务", "2080203": "机关服务",
    "2080206": "社会组织管理", "2080207": "行政区划和地名管理", "2080208": "基层政权建设和社区治理",
    "2080299": "其他民政管理事务支出",
    "20805": "行政事业单位养老支出", "2080501": "行政单位离退休", "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
    "2080599": "其他行政事业单位养老支出",
    "20807": "就业补助", "2080705": "公益性岗位补贴", "2080799": "其他就业补助支出",
    "20808": "抚恤", "2080801": "死亡抚恤", "2080802": "伤残抚恤", "2080805": "义务兵优待", "2080899": "其他优抚支出",
    "20809": "退役安置", "2080901": "退役士兵安置", "2080902": "军队移交政府的离退休人员安置",
    "2080999": "其他退役安置支出",
    "20810": "社会福利", "2081001": "儿童福利", "2081002": "老年福利", "2081004": "殡葬",
    "2081005": "社会福利事业单位", "2081006": "养老服务", "2081099": "其他社会福利支出",
    "20819": "最低生活保障", "2081901": "城市最低生活保障金支出", "2081902": "农村最低生活保障金支出",
    "20820": "临时救助", "2082001": "临时救助支出", "2082002": "流浪乞讨人员救助支出",
    "20828": "退役军人管理事务", "2082801": "行政运行", "2082802": "一般行政管理事务", "2082803": "机关服务",
    "2082804": "拥军优属", "2082850": "事业运行", "2082899": "其他退役军人事务管理支出",
    "210": "卫生健康支出",
    "21001": "卫生健康管理事务", "2100101": "行政运行", "2100102": "一般行政管理事务", "2100103": "机关服务",
    "2100199": "其他卫生健康管理事务支出",
    "21004": "公共卫生", "2100401": "疾病预防控制机构", "2100402": "卫生监督机构", "2100403": "妇幼保健机构",
    "2100408": "基本公共卫生服务", "2100409": "重大公共卫生服务", "2100499": "其他公共卫生支出",
    "21007": "计划生育事务", "2100717": "计划生育服务", "2100799": "其他计划生育事务支出",
    "21011": "行政事业单位医疗", "2101101": "行政单位医疗", "2101102": "事业单位医疗", "2101103": "公务员医疗补助",
    "211": "节能环保支出",
    "21101": "环境保护管理事务", "2110101": "行政运行", "2110102": "一般行政管理事务", "2110103": "机关服务",
    "2110199": "其他环境保护管理事务支出",
    "21102": "环境监测与监察", "2110203": "建设项目环评审查与监督", "2110299": "其他环境监测与监察支出",
    "21103": "污染防治", "2110301": "大气", "2110302": "水体", "2110399": "其他污染防治支出",
    "212": "城乡社区支出",
    "21202": "城乡社区规划与管理", "2120201": "城乡社区规划与管理",
    "220": "自然资源海洋气象等支出",
    "22001": "自然资源事务", "2200101": "行政运行", "2200102": "一般行政管理事务", "2200103": "机关服务",
    "2200150": "事业运行", "2200199": "其他自然资源事务支出",
    "221": "住房保障支出",
    "22102": "住房改革支出", "2210201": "住房公积金", "2210202": "提租补贴", "2210203": "购房补贴",
    "229": "其他支出",
    "22960": "彩票公益金安排的支出", "2296002": "用于社会福利的彩票公益金支出",
}

# Names the classification used before its 2019 revision.
FUNC_BEFORE_2019 = {"207": "文化体育与传媒支出", "210": "医疗卫生与计划生育支出"}

# The 类 rows of a 收入支出决算总表 in the template's order; "" code: never carries figures here.
CLASSES: tuple[tuple[str, str], ...] = (
    ("201", "一般公共服务支出"), ("", "外交支出"), ("", "国防支出"), ("204", "公共安全支出"), ("205", "教育支出"),
    ("", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出"),
    ("211", "节能环保支出"), ("212", "城乡社区支出"), ("", "农林水支出"), ("", "交通运输支出"),
    ("", "资源勘探工业信息等支出"), ("", "商业服务业等支出"), ("", "金融支出"), ("", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("", "粮油物资储备支出"), ("", "国有资本经营预算支出"),
    ("", "灾害防治及应急管理支出"), ("229", "其他支出"), ("", "抗疫特别国债安排的支出"),
)

# 经济分类 as in the template's 一般公共预算财政拨款基本支出决算表.
ECON: dict[str, str] = {
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费",
    "30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费",
    "30110": "职工基本医疗保险缴费", "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金",
    "30114": "医疗费", "30199": "其他工资福利支出",
    "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费", "30205": "水费",
    "30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费", "30211": "差旅费",
    "30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费", "30215": "会议费", "30216": "培训费",
    "30217": "公务接待费", "30218": "专用材料费", "30226": "劳务费", "30227": "委托业务费", "30228": "工会经费",
    "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用", "30299": "其他商品和服务支出",
    "303": "对个人和家庭的补助", "30301": "离休费", "30302": "退休费", "30305": "生活补助", "30307": "医疗费补助",
    "30309": "奖励金", "30399": "其他对个人和家庭的补助",
    "310": "资本性支出", "31002": "办公设备购置", "31007": "信息网络及软件购置更新",
}

# Items of the basic-expenditure budget that the 项 lines fund directly (the rest of 人员经费 /
# 公用经费 is spread over the other items).
ECON_FROM_FUNC: dict[str, tuple[str, ...]] = {
    "30108": ("2080505",), "30109": ("2080506",), "30110": ("2101101", "2101102"), "30111": ("2101103",),
    "30113": ("2210201",), "30302": ("2080501", "2080502"), "30102": ("2210202", "2210203"),
}
PERSONNEL_FREE = ("30101", "30102", "30103", "30107", "30112", "30199", "30305", "30309")
PUBLIC_FREE = ("30201", "30202", "30205", "30206", "30207", "30209", "30211", "30213", "30215", "30216", "30217",
               "30226", "30227", "30228", "30229", "30231", "30239", "30299", "31002")

CHINESE_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
                    "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六")


# ================================================================ the document model


@dataclass(frozen=True)
class Department:
    """The publishing body with its administrative chain, so questions can name it as citizens do."""

    name: str            # 洛阳市民政局
    level: str           # province | city | district
    province: str
    city: str            # "" at provincial level
    district: str        # "" unless district level
    org: str             # 民政局 / 高级人民法院 …: the organisation part of the name
    cover_short: str     # 市民政局 / 区财政 / 省法院: what a cover may print instead of the name
    spoken: tuple[str, ...]  # 洛阳民政局, 洛阳市民政局 …: forms a citizen types


@dataclass(frozen=True)
class Column:
    """One grid column; its header path reads top-down and None continues the label above (a merge)."""

    path: tuple[str | None, ...]
    role: str = "value"   # code | label | text | value
    group: int = 0        # side of a two-sided table (收入 | 支出)
    width: float = 1.0

    @property
    def words(self) -> list[str]:
        return [p for p in self.path if p]


@dataclass
class Row:
    """Printed text of every column; `merged` draws the label across the code columns (合计 rows)."""

    cells: list[str]
    merged: bool = False


@dataclass(frozen=True)
class Cell:
    id: str
    row_code: str
    row_label: str
    column: list[str]
    printed: str

    @property
    def value(self) -> str:
        return self.printed.replace(",", "")


@dataclass
class Table:
    key: str          # stable type id, e.g. "expense"
    type_name: str    # the national template's name of this table type
    title: str        # as printed
    code: str         # 公开03表 or "" (render may renumber: budget_codes)
    unit: str         # 万元 | 元
    columns: list[Column]
    rows: list[Row]
    note: str = ""        # 注：本表反映…
    empty_note: str = ""  # 说明：…故本表无数据。 (a table without figures)
    landscape: bool = False

    def cells(self) -> list[Cell]:
        """Every value cell with the code and label of its row on the same side."""
        out = []
        for ri, row in enumerate(self.rows):
            for ci, col in enumerate(self.columns):
                if col.role != "value":
                    continue
                side = [(c.role, row.cells[i]) for i, c in enumerate(self.columns) if c.group == col.group]
                code = "".join(t for role, t in side if role == "code")
                label = next((t for role, t in side if role == "label"), "")
                out.append(Cell(f"{self.key}:{ri}:{ci}", code, label, col.words, row.cells[ci]))
        return out


@dataclass(frozen=True)
class Fact:
    """A figure stated in a sentence; `offset` is where its value starts in the paragraph's text."""

    id: str
    subject: str
    value: str
    unit: str
    qualifier: str   # "" | 比上年增加 | 比上年减少 | 增长率 | 下降率 | 完成预算的 | 其中 | 占比
    section: str
    offset: int


@dataclass
class Block:
    """A piece of narrative: part (starts a page), h1, h2, p, or units (the 单位构成 grid)."""

    kind: str
    text: str = ""
    facts: list[Fact] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class DisclosureSpec:
    seed: int
    kind: str          # 决算 | 预算
    year: int
    scope: str         # 部门: the department's consolidated document
    dept: Department
    units: list[str]   # bodies inside the document's scope, the department itself first
    tables: list[Table]
    front: list[Block]     # 概况, before the tables
    back: list[Block]      # 情况说明 and 名词解释, after the tables
    contents: list[str]    # 目录 lines
    table_part: str        # 第二部分 …表: the heading over the tables
    caption_dept: str      # "部门：" / "编制部门：" / "" before the department name on table captions

    @property
    def title(self) -> str:
        return f"{self.year}年度{self.scope}{self.kind}"

    def facts(self) -> list[Fact]:
        return [f for b in self.front + self.back for f in b.facts]


# ================================================================ numbers

W = Decimal(10000)


def wan(yuan: int) -> str:
    """元 → 万元 with two decimals, as narratives print it."""
    return str((Decimal(yuan) / W).quantize(Decimal("0.01"), ROUND_HALF_UP))


def pct(part: int, whole: int) -> str:
    return str((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP))


@dataclass(frozen=True)
class Fmt:
    """How one table prints amounts: unit, separators, trailing zeros, and what a zero looks like."""

    unit: str
    thousands: bool
    zero: str       # "" (blank) | "0.00" | "0"
    trim: bool = False

    def __call__(self, yuan: int) -> str:
        if yuan == 0:
            return self.zero
        if self.unit == "元":
            return f"{yuan:,d}" if self.thousands else str(yuan)
        q = Decimal(yuan) / W
        s = f"{q:,.2f}" if self.thousands else f"{q:.2f}"
        return s.rstrip("0").rstrip(".") if self.trim else s


def split(total: int, weights: list[float], gran: int) -> list[int]:
    """Parts of total (multiples of gran) in proportion to weights, summing exactly to total."""
    units = total // gran
    wsum = sum(weights)
    parts = [int(units * w / wsum) for w in weights]
    order = sorted(range(len(weights)), key=lambda i: -weights[i])
    for k in range(units - sum(parts)):
        parts[order[k % len(order)]] += 1
    return [p * gran for p in parts]


def near(rng: random.Random, amount: int, lo: float, hi: float, gran: int) -> int:
    """A figure within [lo, hi] × amount, on the same granularity."""
    return int(amount * rng.uniform(lo, hi)) // gran * gran


# ================================================================ department


def _department(rng: random.Random, level: str, year: int) -> tuple[Department, Org]:
    org = rng.choice([o for o in ORGS if o.name_at(level, False) and o.since <= year])
    pool = sorted(PLACES) if level != "city" else sorted(set(PLACES) - MUNICIPALITIES)
    province = rng.choice(pool)
    municipal = province in MUNICIPALITIES
    city = rng.choice(sorted(PLACES[province]))
    lv = ("province", "city", "district").index(level)
    word = org.spoken[lv]
    if level == "province":
        p_short = province.removesuffix("省").removesuffix("壮族自治区").removesuffix("市")
        org_name = org.name_at(level, municipal)
        return Department(province + org_name, level, province, "", "", org_name, org.cover_short[0],
                          (p_short + word, province + word)), org
    c_short = city.removesuffix("市")
    if level == "city":
        return Department(city + org.city, level, province, city, "", org.city, org.cover_short[1],
                          (c_short + word, city + word)), org
    district = rng.choice(PLACES[province][city])
    d_short = district.removesuffix("区") if len(district) > 2 else district
    return Department(city + district + org.district, level, province, city, district, org.district,
                      org.cover_short[2], (district + word, c_short + district + word, d_short + word)), org


# ================================================================ figures


@dataclass
class Line:
    """One 项 of the 功能分类 with its money (元) by source and by basic / project use."""

    code: str
    gp_basic: int = 0
    gp_project: int = 0
    gf_project: int = 0      # 政府性基金
    nf_basic: int = 0        # paid from 事业收入 / 其他收入
    nf_project: int = 0
    gp_income: int = 0
    sy_income: int = 0       # 事业收入
    qt_income: int = 0       # 其他收入
    gp_budget: int = 0       # 年初预算 of the general-budget spending
    prev: int = 0            # last year's figure

    @property
    def gp(self) -> int:
        return self.gp_basic + self.gp_project

    @property
    def fiscal(self) -> int:
        return self.gp + self.gf_project

    @property
    def basic(self) -> int:
        return self.gp_basic + self.nf_basic

    @property
    def project(self) -> int:
        return self.gp_project + self.gf_project + self.nf_project

    @property
    def total(self) -> int:
        return self.basic + self.project

    @property
    def fiscal_income(self) -> int:
        return self.gp_income + self.gf_project

    @property
    def income(self) -> int:
        return self.fiscal_income + self.sy_income + self.qt_income


BASIC_ITEMS = ("行政运行", "事业运行")   # mostly basic expenditure
PAYROLL = {"2080501", "2080502", "2080505", "2080506", "2101101", "2101102", "2101103", "2210201", "2210202", "2210203"}
SANGONG = ("出国", "购置", "运行", "接待")


@dataclass
class Money:
    """All figures of one document, drawn once so tables and narrative agree."""

    gran: int                 # 100 元 when the main tables print 万元, so every 万元 figure is exact
    lines: list[Line]
    carry_in_gp: int          # 年初财政拨款结转和结余
    carry_in_nf: int          # the rest of 年初结转和结余
    econ: dict[str, int]      # basic expenditure of the general budget by 经济分类 款
    sangong: dict[str, int]   # 决算 (or 预算) by part
    sangong_budget: dict[str, int]
    sangong_prev: dict[str, int]
    running: int              # 机关运行经费
    running_prev: int
    procurement: dict[str, int]   # 货物 / 工程 / 服务
    prev_total: int           # last year's 收入支出总计 (决算) or 收支预算总计 (预算)
    prev_fiscal: int
    prev_gp: int

    def sum(self, attr: str) -> int:
        return sum(getattr(ln, attr) for ln in self.lines)

    @property
    def carry_out_gp(self) -> int:
        return self.carry_in_gp + self.sum("gp_income") - self.sum("gp")

    @property
    def carry_out_nf(self) -> int:
        nf = self.sum("nf_basic") + self.sum("nf_project")
        return self.carry_in_nf + self.sum("sy_income") + self.sum("qt_income") - nf

    @property
    def grand_total(self) -> int:
        """收入支出总计: this year's income plus what was carried in."""
        return self.sum("income") + self.carry_in_gp + self.carry_in_nf

    @property
    def fiscal_total(self) -> int:
        return self.sum("fiscal_income") + self.carry_in_gp

    @property
    def personnel(self) -> int:
        return sum(v for k, v in self.econ.items() if k[:3] in ("301", "303"))

    @property
    def public(self) -> int:
        return sum(v for k, v in self.econ.items() if k[:3] in ("302", "310"))


def _lines(rng: random.Random, org: Org, has_units: bool, scale: int, gran: int, kind: str) -> list[Line]:
    """The 项 lines of one department with their money; every source adds up by construction."""
    codes: list[str] = []
    others = list(org.kuan[1:])
    rng.shuffle(others)
    for n, kuan in enumerate([org.kuan[0]] + others[: rng.randint(0, 2)]):
        items = sorted(c for c in FUNC if len(c) == 7 and c.startswith(kuan))
        run = [c for c in items if FUNC[c] == "行政运行"][: 1 if n == 0 else 0]
        rest = [c for c in items if c not in run and (has_units or FUNC[c] != "事业运行")]
        codes += run + rng.sample(rest, min(len(rest), rng.randint(1, 3)))
    codes += ["2080505", "2101101", "2210201"]
    codes += [c for c, p in (("2080506", 0.8), ("2080501", 0.4), ("2101103", 0.4), ("2210202", 0.5),
                             ("2210203", 0.3)) if rng.random() < p]
    if has_units:
        codes += ["2080502", "2101102"]
    if org.key == "民政" and rng.random() < 0.6:
        codes.append("2296002")
    codes = sorted(set(codes))
    weights = [rng.uniform(0.02, 0.07) if c in PAYROLL else rng.uniform(0.25, 0.5) if FUNC[c] in BASIC_ITEMS
               else rng.uniform(0.04, 0.3) for c in codes]
    lines = []
    for code, amount in zip(codes, split(scale // gran * gran, weights, gran)):
        ln = Line(code)
        if code.startswith("229"):
            ln.gf_project = amount
        elif code in PAYROLL:
            ln.gp_basic = amount
        elif FUNC[code] in BASIC_ITEMS:
            ln.gp_project = near(rng, amount, 0.05, 0.2, gran) if rng.random() < 0.3 else 0
            ln.gp_basic = amount - ln.gp_project
        else:
            ln.gp_project = amount
        lines.append(ln)
    nonfiscal = has_units and rng.random() < 0.6
    for ln in lines:
        if nonfiscal and (FUNC[ln.code] in BASIC_ITEMS or ln.code.endswith("99")) and not ln.code.startswith("229"):
            extra = near(rng, ln.total, 0.08, 0.3, gran) or gran * 100
            if rng.random() < 0.5:
                ln.nf_basic = extra
            else:
                ln.nf_project = extra
        drift = near(rng, ln.gp_project, -0.15, 0.2, gran) if kind == "决算" and rng.random() < 0.5 else 0
        ln.gp_income = max(0, ln.gp + drift)
        nf = ln.nf_basic + ln.nf_project
        if nf and kind == "决算":
            ln.sy_income = near(rng, nf, 0.5, 1.05, gran)
            ln.qt_income = near(rng, nf, 0.0, 0.3, gran)
        elif nf:
            ln.sy_income, ln.qt_income = split(nf, [rng.uniform(0.5, 1), rng.uniform(0, 0.5)], gran)
        ln.gp_budget = near(rng, ln.gp, 0.85, 1.12, gran)
        ln.prev = near(rng, ln.total, 0.8, 1.15, gran)
    return lines


def _econ(rng: random.Random, lines: list[Line], gran: int) -> dict[str, int]:
    """Spread the general budget's basic expenditure over 经济分类 items, payroll lines mapped 1:1."""
    by_code = {ln.code: ln.gp_basic for ln in lines}
    econ = {k: sum(by_code.get(c, 0) for c in src) for k, src in ECON_FROM_FUNC.items()}
    rest = sum(ln.gp_basic for ln in lines) - sum(econ.values())
    people = near(rng, rest, 0.62, 0.8, gran)
    staff = list(PERSONNEL_FREE[:2]) + rng.sample(PERSONNEL_FREE[2:], rng.randint(2, len(PERSONNEL_FREE) - 2))
    office = rng.sample(PUBLIC_FREE, rng.randint(8, len(PUBLIC_FREE)))
    for items, total in ((staff, people), (office, rest - people)):
        for k, v in zip(items, split(total, [rng.uniform(0.2, 1) ** 2 for _ in items], gran)):
            econ[k] = econ.get(k, 0) + v
    return {k: v for k, v in econ.items() if v}


def _money(rng: random.Random, org: Org, level: str, has_units: bool, kind: str, unit: str) -> Money:
    gran = 100 if unit == "万元" else 1
    scale = {"province": (3_000_0000, 30_000_0000), "city": (600_0000, 8_000_0000),
             "district": (200_0000, 3_000_0000)}[level]
    lines = _lines(rng, org, has_units, rng.randint(*scale), gran, kind)
    drift = sum(ln.gp_income - ln.gp for ln in lines)
    carry_gp = carry_nf = 0
    if kind == "决算":
        carry_gp = max(0, -drift) + (near(rng, scale[0], 0.0, 0.05, gran) if rng.random() < 0.6 else 0)
        nf_gap = sum(ln.nf_basic + ln.nf_project - ln.sy_income - ln.qt_income for ln in lines)
        carry_nf = max(0, nf_gap) + (near(rng, scale[0], 0.0, 0.03, gran) if nf_gap or rng.random() < 0.2 else 0)
    base = {"province": 40_0000, "city": 12_0000, "district": 5_0000}[level]
    has_sangong = rng.random() < 0.9
    g = 100   # 三公 tables print 万元 even when the main tables print 元
    budget = {
        "出国": near(rng, base, 0.3, 1.5, g) if has_sangong and level == "province" and rng.random() < 0.6 else 0,
        "购置": near(rng, base, 1.0, 3.0, g) if has_sangong and rng.random() < 0.25 else 0,
        "运行": near(rng, base, 0.3, 1.6, g) if has_sangong else 0,
        "接待": near(rng, base, 0.05, 0.6, g) if has_sangong else 0,
    }
    actual = {k: v if k == "购置" else near(rng, v, 0.55, 1.0, g) for k, v in budget.items()}
    prev = {k: near(rng, v, 0.7, 1.3, g) if v or rng.random() < 0.3 else 0 for k, v in actual.items()}
    if prev["出国"] == 0 and actual["出国"] == 0 and level == "province" and rng.random() < 0.5:
        prev["出国"] = near(rng, base, 0.2, 0.8, g)
    econ = _econ(rng, lines, gran)
    public = sum(v for k, v in econ.items() if k[:3] in ("302", "310"))
    running = public if not has_units else near(rng, public, 0.7, 0.95, gran)
    total_buy = near(rng, sum(ln.total for ln in lines), 0.02, 0.12, 100)
    goods, works, services = split(total_buy, [rng.uniform(0.2, 1), rng.choice([0, 0, rng.uniform(0, 1)]),
                                               rng.uniform(0.2, 1.2)], 100)
    total_income = sum(ln.income for ln in lines) + carry_gp + carry_nf
    return Money(gran, lines, carry_gp, carry_nf, econ, actual if kind == "决算" else budget, budget, prev,
                 running, near(rng, running, 0.8, 1.2, gran), {"货物": goods, "工程": works, "服务": services},
                 near(rng, total_income, 0.8, 1.2, gran),
                 near(rng, sum(ln.fiscal_income for ln in lines) + carry_gp, 0.8, 1.2, gran),
                 near(rng, sum(ln.gp for ln in lines), 0.8, 1.2, gran))


def func_name(code: str, year: int) -> str:
    if year < 2019 and code in FUNC_BEFORE_2019:
        return FUNC_BEFORE_2019[code]
    return FUNC[code]


def _tree(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """类, 款 and 项 codes in print order, each with the lines it adds up."""
    codes = sorted({ln.code[:n] for ln in lines for n in (3, 5, 7)})
    return [(c, [ln for ln in lines if ln.code.startswith(c)]) for c in codes]


def _classes(year: int) -> list[tuple[str, str]]:
    """The 类 rows a 收入支出总表 lists in this year's template."""
    out = []
    for code, name in CLASSES:
        if name == "灾害防治及应急管理支出" and year < 2019 or name == "抗疫特别国债安排的支出" and year < 2020:
            continue
        out.append((code, func_name(code, year) if code else name))
    return out


# ================================================================ tables


@dataclass(frozen=True)
class Look:
    """Per-document print habits that real documents vary on (clean layouts, not hazards)."""

    unit: str             # unit of the main tables
    sangong_unit: str
    thousands: bool
    split_codes: bool     # 类 / 款 / 项 code columns (Shanghai budgets) instead of one 科目编码 column
    total_first: bool     # 合计 row above the 科目 rows
    title_year: bool      # "2024年部门收入预算总表" (Shanghai budgets)
    codes: bool           # 公开01表 … above each title


def _pad(path: tuple[str, ...], depth: int) -> tuple[str | None, ...]:
    return tuple(path) + (None,) * (depth - len(path))


def _coded(look: Look, fmt: Fmt, heads: list[tuple[str, ...]], items: list[tuple[str, str, list[int]]],
           code_head: str = "功能分类科目编码", econ: bool = False) -> tuple[list[Column], list[Row]]:
    """A 科目-coded grid: 项目 (code, name) then one column per measure, with a 合计 row."""
    parts = (("类", "款") if econ else ("类", "款", "项")) if look.split_codes else ()
    depth = max([3 if parts else 2] + [len(h) for h in heads])
    if parts:
        cols = [Column(_pad(("项目", code_head, p), depth), "code", width=0.42) for p in parts]
    else:
        cols = [Column(_pad(("项目", code_head), depth), "code", width=0.95)]
    cols.append(Column(_pad(("项目", "科目名称"), depth), "label", width=2.5))
    cols += [Column(_pad(h, depth)) for h in heads]
    cuts = (3, 5, 7)[: len(parts)]
    rows = []
    for code, name, vals in items:
        if not any(vals):
            continue
        pieces = [code[a:b] for a, b in zip((0,) + cuts, cuts)] if parts else [code]
        rows.append(Row(pieces + [name] + [fmt(v) for v in vals]))
    totals = [sum(v[i] for c, _, v in items if len(c) == 3) for i in range(len(heads))]
    total = Row([""] * max(1, len(parts)) + ["合计"] + [fmt(v) for v in totals], merged=True)
    return cols, [total] + rows if look.total_first else rows + [total]


def _func_items(money: Money, year: int, measures: list, keep=lambda ln: True) -> list[tuple[str, str, list[int]]]:
    lines = [ln for ln in money.lines if keep(ln)]
    return [(c, func_name(c, year), [sum(m(ln) for ln in members) for m in measures]) for c, members in _tree(lines)]


def _empty_coded(look: Look, heads: list[tuple[str, ...]], fmt: Fmt) -> tuple[list[Column], list[Row]]:
    cols, rows = _coded(look, fmt, heads, [])
    rows[0].cells = [c if c == "合计" else "" for c in rows[0].cells]
    return cols, rows


def _two_sided(left: list[tuple[str, list[str]]], right: list[tuple[str, list[str]]],
               tail: list[tuple[tuple[str, list[str]], tuple[str, list[str]]]], n_left: int, n_right: int) -> list[Row]:
    """Rows of a 收入 | 支出 table: the two item lists side by side, then paired total rows."""
    rows = []
    for i in range(max(len(left), len(right))):
        lt, lv = left[i] if i < len(left) else ("", [""] * n_left)
        rt, rv = right[i] if i < len(right) else ("", [""] * n_right)
        rows.append(Row([lt] + lv + [rt] + rv))
    for (lt, lv), (rt, rv) in tail:
        rows.append(Row([lt] + lv + [rt] + rv))
    return rows


def _side_columns(left: str, left_vals: list[str], right: str, right_vals: list[str]) -> list[Column]:
    depth = 2
    return ([Column((left, "项目"), "label", 0, 2.6)] + [Column(_pad((left, v), depth), "value", 0) for v in left_vals]
            + [Column((right, "项目"), "label", 1, 2.6)] + [Column(_pad((right, v), depth), "value", 1)
                                                          for v in right_vals])


def _juesuan_tables(rng: random.Random, look: Look, money: Money, year: int, dept: Department) -> list[Table]:
    m, y = money, year
    fmts = {k: Fmt(look.unit, look.thousands, rng.choice(["", "", "0.00" if look.unit == "万元" else "0"]))
            for k in ("total", "income", "expense", "fiscal", "gp", "fund", "soe")}
    fmts["econ"] = Fmt(look.unit, look.thousands, rng.choice(["", "0.00" if look.unit == "万元" else "0"]))
    fmts["sangong"] = Fmt(look.sangong_unit, look.thousands, rng.choice(["", "0.00"]))
    tables = []

    def add(key: str, name: str, cols: list[Column], rows: list[Row], note: str, empty: str = "",
            landscape: bool = False) -> None:
        code = f"公开{len(tables) + 1:02d}表" if look.codes else ""
        tables.append(Table(key, name, name, code, fmts[key].unit, cols, rows, "注：" + note, empty, landscape))

    classes = _classes(y)
    f = fmts["total"]
    income_items = [("一、一般公共预算财政拨款收入", m.sum("gp_income")), ("二、政府性基金预算财政拨款收入", m.sum("gf_project")),
                    ("三、国有资本经营预算财政拨款收入", 0), ("四、上级补助收入", 0), ("五、事业收入", m.sum("sy_income")),
                    ("六、经营收入", 0), ("七、附属单位上缴收入", 0), ("八、其他收入", m.sum("qt_income"))]
    by_class = {c: sum(ln.total for ln in m.lines if ln.code.startswith(c)) for c, _ in classes if c}
    spend = [(f"{CHINESE_NUMERALS[i]}、{n}", by_class.get(c, 0)) for i, (c, n) in enumerate(classes)]
    tail = [(("本年收入合计", m.sum("income")), ("本年支出合计", m.sum("total"))),
            (("使用非财政拨款结余", 0), ("结余分配", 0)),
            (("年初结转和结余", m.carry_in_gp + m.carry_in_nf), ("年末结转和结余", m.carry_out_gp + m.carry_out_nf)),
            (("总计", m.grand_total), ("总计", m.grand_total))]
    add("total", "收入支出决算总表", _side_columns("收入", ["决算数"], "支出", ["决算数"]),
        _two_sided([(t, [f(v)]) for t, v in income_items], [(t, [f(v)]) for t, v in spend],
                   [((a, [f(av)]), (b, [f(bv)])) for (a, av), (b, bv) in tail], 1, 1),
        "本表反映部门本年度的总收支和年末结转结余情况。")

    heads = [("本年收入合计",), ("财政拨款收入",), ("上级补助收入",), ("事业收入",), ("经营收入",), ("附属单位上缴收入",),
             ("其他收入",)]
    measures = [lambda ln: ln.income, lambda ln: ln.fiscal_income, lambda ln: 0, lambda ln: ln.sy_income,
                lambda ln: 0, lambda ln: 0, lambda ln: ln.qt_income]
    add("income", "收入决算表", *_coded(look, fmts["income"], heads, _func_items(m, y, measures)),
        "本表反映部门本年度取得的各项收入情况。", landscape=True)

    heads = [("本年支出合计",), ("基本支出",), ("项目支出",), ("上缴上级支出",), ("经营支出",), ("对附属单位补助支出",)]
    measures = [lambda ln: ln.total, lambda ln: ln.basic, lambda ln: ln.project, lambda ln: 0, lambda ln: 0,
                lambda ln: 0]
    add("expense", "支出决算表", *_coded(look, fmts["expense"], heads, _func_items(m, y, measures)),
        "本表反映部门本年度各项支出情况。", landscape=True)

    f = fmts["fiscal"]
    by_fund = {c: (sum(ln.gp for ln in m.lines if ln.code.startswith(c)),
                   sum(ln.gf_project for ln in m.lines if ln.code.startswith(c))) for c, _ in classes if c}
    fiscal_spend = []
    for i, (c, n) in enumerate(classes):
        gp, gf = by_fund.get(c, (0, 0))
        fiscal_spend.append((f"{CHINESE_NUMERALS[i]}、{n}", [f(gp + gf), f(gp), f(gf), f(0)]))
    gp_out, gp_in = m.carry_out_gp, m.carry_in_gp
    spent_gp, spent_gf = m.sum("gp"), m.sum("gf_project")
    tail4 = [(("本年收入合计", [f(m.sum("fiscal_income"))]), ("本年支出合计", [f(spent_gp + spent_gf), f(spent_gp), f(spent_gf), f(0)])),
             (("年初财政拨款结转和结余", [f(gp_in)]), ("年末财政拨款结转和结余", [f(gp_out), f(gp_out), f(0), f(0)])),
             (("一、一般公共预算财政拨款", [f(gp_in)]), ("一、一般公共预算财政拨款", [f(gp_out), f(gp_out), "", ""])),
             (("二、政府性基金预算财政拨款", [f(0)]), ("二、政府性基金预算财政拨款", [f(0), "", f(0), ""])),
             (("三、国有资本经营预算财政拨款", [f(0)]), ("三、国有资本经营预算财政拨款", [f(0), "", "", f(0)])),
             (("总计", [f(m.fiscal_total)]), ("总计", [f(m.fiscal_total), f(gp_out + spent_gp), f(spent_gf), f(0)]))]
    add("fiscal", "财政拨款收入支出决算总表",
        _side_columns("收入", ["决算数"], "支出", ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]),
        _two_sided([("一、一般公共预算财政拨款", [f(m.sum("gp_income"))]), ("二、政府性基金预算财政拨款", [f(m.sum("gf_project"))]),
                    ("三、国有资本经营预算财政拨款", [f(0)])], fiscal_spend, tail4, 1, 4),
        "本表反映部门本年度财政拨款总收支和结转结余情况。", landscape=True)

    heads = [("合计",), ("基本支出",), ("项目支出",)]
    add("gp", "一般公共预算财政拨款支出决算表",
        *_coded(look, fmts["gp"], heads, _func_items(m, y, [lambda ln: ln.gp, lambda ln: ln.gp_basic,
                                                            lambda ln: ln.gp_project], lambda ln: ln.gp > 0)),
        "本表反映部门本年度一般公共预算财政拨款支出情况。")

    f = fmts["econ"]
    left = [(k, ECON[k], m.econ.get(k, 0) if len(k) > 3 else sum(v for c, v in m.econ.items() if c[:3] == k))
            for k in ECON if k[:3] in ("301", "303")]
    right = [(k, ECON[k], m.econ.get(k, 0) if len(k) > 3 else sum(v for c, v in m.econ.items() if c[:3] == k))
             for k in ECON if k[:3] in ("302", "310")]
    rows = []
    for i in range(max(len(left), len(right))):
        cells = []
        for side in (left, right):
            k, n, v = side[i] if i < len(side) else ("", "", None)
            cells += [k, n, "" if v is None else f(v)]
        rows.append(Row(cells))
    rows.append(Row(["", "人员经费合计", f(m.personnel), "", "公用经费合计", f(m.public)], merged=True))
    cols = [c for g in (0, 1) for c in (Column(("经济分类科目编码",), "code", g, 0.9), Column(("科目名称",), "label", g, 2.3),
                                        Column(("决算数",), "value", g))]
    add("econ", "一般公共预算财政拨款基本支出决算表", cols, rows, "本表反映部门本年度一般公共预算财政拨款基本支出明细情况。")

    f = fmts["sangong"]
    sg, bd = m.sangong, m.sangong_budget
    top = "财政拨款“三公”经费"
    parts = [("合计", None, sum(bd.values()), sum(sg.values())), ("因公出国（境）费", None, bd["出国"], sg["出国"]),
             ("公务用车购置及运行维护费", "小计", bd["购置"] + bd["运行"], sg["购置"] + sg["运行"]),
             ("公务用车购置及运行维护费", "公务用车购置费", bd["购置"], sg["购置"]),
             ("公务用车购置及运行维护费", "公务用车运行维护费", bd["运行"], sg["运行"]),
             ("公务接待费", None, bd["接待"], sg["接待"])]
    cols, cells = [], []
    for a, b, vb, va in parts:
        for word, v in (("预算数", vb), ("决算数", va)):
            cols.append(Column((top, a, b, word), width=0.8))
            cells.append(f(v))
    empty = not any(sg.values()) and not any(bd.values())
    add("sangong", "财政拨款“三公”经费支出决算表", cols, [Row(["" if empty else c for c in cells])],
        "本表反映部门本年度“三公”经费支出预决算情况。",
        f"说明：{dept.name}本年度没有财政拨款“三公”经费支出，故本表无数据。" if empty else "", landscape=True)

    heads = [("年初结转和结余",), ("本年收入",), ("本年支出", "合计"), ("本年支出", "基本支出"), ("本年支出", "项目支出"),
             ("年末结转和结余",)]
    fund = [ln for ln in m.lines if ln.gf_project]
    if fund:
        items = _func_items(m, y, [lambda ln: 0, lambda ln: ln.gf_project, lambda ln: ln.gf_project, lambda ln: 0,
                                   lambda ln: ln.gf_project, lambda ln: 0], lambda ln: ln.gf_project > 0)
        add("fund", "政府性基金预算财政拨款收入支出决算表", *_coded(look, fmts["fund"], heads, items),
            "本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。", landscape=True)
    else:
        add("fund", "政府性基金预算财政拨款收入支出决算表", *_empty_coded(look, heads, fmts["fund"]),
            "本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
            f"说明：{dept.name}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。", landscape=True)
    add("soe", "国有资本经营预算财政拨款收入支出决算表", *_empty_coded(look, heads, fmts["soe"]),
        "本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。",
        f"说明：{dept.name}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。", landscape=True)
    return tables


PURCHASES = {"货物": [("办公设备购置", "台式计算机"), ("办公设备购置", "打印设备"), ("办公家具购置", "家具用具"),
                     ("信息化设备更新", "网络设备")],
             "工程": [("办公用房维修改造", "房屋修缮工程")],
             "服务": [("物业管理服务", "物业管理服务"), ("信息系统运维", "信息技术服务"), ("审计及咨询服务", "审计服务"),
                     ("印刷服务", "印刷服务")]}


def _yusuan_tables(rng: random.Random, look: Look, money: Money, year: int, dept: Department) -> list[Table]:
    m, y = money, year
    zero = "0" if look.unit == "元" else "0.00"
    fmts = {k: Fmt(look.unit, look.thousands, rng.choice(["", zero, zero])) for k in
            ("total", "income", "expense", "fiscal", "gp", "econ", "fund", "soe", "buy")}
    fmts["sangong"] = Fmt(look.sangong_unit, look.thousands, rng.choice(["0", "0.00", ""]),
                          trim=look.sangong_unit == "万元" and rng.random() < 0.5)
    tables = []
    pre = f"{y}年部门" if look.title_year else ""

    def add(key: str, name: str, cols: list[Column], rows: list[Row], note: str = "", empty: str = "",
            landscape: bool = True, printed: str = "") -> None:
        code = f"公开{len(tables) + 1:02d}表" if look.codes else ""
        tables.append(Table(key, name, printed or pre + name, code, fmts[key].unit, cols, rows,
                            note and "注：" + note, empty, landscape))

    present = [(c, func_name(c, y)) for c in sorted({ln.code[:3] for ln in m.lines})]
    f = fmts["total"]
    income = [("一、财政拨款收入", m.sum("fiscal_income")), ("1. 一般公共预算资金", m.sum("gp_income")),
              ("2. 政府性基金", m.sum("gf_project")), ("3. 国有资本经营预算", 0), ("二、事业收入", m.sum("sy_income")),
              ("三、事业单位经营收入", 0), ("四、其他收入", m.sum("qt_income"))]
    spend = [(f"{CHINESE_NUMERALS[i]}、{n}", sum(ln.total for ln in m.lines if ln.code.startswith(c)))
             for i, (c, n) in enumerate(present)]
    add("total", "财务收支预算总表", _side_columns("本年收入", ["预算数"], "本年支出", ["预算数"]),
        _two_sided([(t, [f(v)]) for t, v in income], [(t, [f(v)]) for t, v in spend],
                   [(("收入总计", [f(m.sum("income"))]), ("支出总计", [f(m.sum("total"))]))], 1, 1))

    heads = [("收入预算", "合计"), ("收入预算", "财政拨款收入"), ("收入预算", "事业收入"), ("收入预算", "事业单位经营收入"),
             ("收入预算", "其他收入")]
    add("income", "收入预算总表", *_coded(look, fmts["income"], heads, _func_items(
        m, y, [lambda ln: ln.income, lambda ln: ln.fiscal_income, lambda ln: ln.sy_income, lambda ln: 0,
               lambda ln: ln.qt_income])))
    heads = [("支出预算", "合计"), ("支出预算", "基本支出"), ("支出预算", "项目支出")]
    add("expense", "支出预算总表", *_coded(look, fmts["expense"], heads, _func_items(
        m, y, [lambda ln: ln.total, lambda ln: ln.basic, lambda ln: ln.project])))

    f = fmts["fiscal"]
    fiscal_spend = []
    funded = [(c, n) for c, n in present if any(ln.fiscal for ln in m.lines if ln.code.startswith(c))]
    for i, (c, n) in enumerate(funded):
        gp = sum(ln.gp for ln in m.lines if ln.code.startswith(c))
        gf = sum(ln.gf_project for ln in m.lines if ln.code.startswith(c))
        fiscal_spend.append((f"{CHINESE_NUMERALS[i]}、{n}", [f(gp + gf), f(gp), f(gf), f(0)]))
    total_f = m.sum("fiscal_income")
    add("fiscal", "财政拨款收支预算总表",
        _side_columns("财政拨款收入", ["预算数"], "财政拨款支出", ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]),
        _two_sided([("一、一般公共预算资金", [f(m.sum("gp_income"))]), ("二、政府性基金", [f(m.sum("gf_project"))]),
                    ("三、国有资本经营预算", [f(0)])], fiscal_spend,
                   [(("收入总计", [f(total_f)]), ("支出总计", [f(total_f), f(m.sum("gp")), f(m.sum("gf_project")), f(0)]))],
                   1, 4))

    heads = [("一般公共预算支出", "合计"), ("一般公共预算支出", "基本支出"), ("一般公共预算支出", "项目支出")]
    add("gp", "一般公共预算支出功能分类预算表", *_coded(look, fmts["gp"], heads, _func_items(
        m, y, [lambda ln: ln.gp, lambda ln: ln.gp_basic, lambda ln: ln.gp_project], lambda ln: ln.gp > 0)))

    items = []
    for k in ECON:
        v = m.econ.get(k, 0) if len(k) > 3 else sum(v for c, v in m.econ.items() if c[:3] == k)
        people = v if k[:3] in ("301", "303") else 0
        items.append((k, ECON[k], [v, people, v - people]))
    add("econ", "一般公共预算基本支出部门预算经济分类预算表",
        *_coded(look, fmts["econ"], [("一般公共预算基本支出", "合计"), ("一般公共预算基本支出", "人员经费"),
                                     ("一般公共预算基本支出", "公用经费")], items, "经济分类科目编码", econ=True))

    heads = [("政府性基金预算支出", "合计"), ("政府性基金预算支出", "基本支出"), ("政府性基金预算支出", "项目支出")]
    if any(ln.gf_project for ln in m.lines):
        add("fund", "政府性基金预算支出功能分类预算表", *_coded(look, fmts["fund"], heads, _func_items(
            m, y, [lambda ln: ln.gf_project, lambda ln: 0, lambda ln: ln.gf_project], lambda ln: ln.gf_project > 0)))
    else:
        add("fund", "政府性基金预算支出功能分类预算表", *_empty_coded(look, heads, fmts["fund"]),
            empty=f"注：本部门{y}年无政府性基金预算财政拨款安排的预算，故本表为空表。")
    heads = [("国有资本经营预算支出", "合计"), ("国有资本经营预算支出", "基本支出"), ("国有资本经营预算支出", "项目支出")]
    add("soe", "国有资本经营预算支出功能分类预算表", *_empty_coded(look, heads, fmts["soe"]),
        empty=f"注：本部门{y}年无国有资本经营预算财政拨款安排的预算，故本表为空表。")

    f = fmts["sangong"]
    sg = m.sangong
    top = f"{y}年“三公”经费预算数"
    cols = [Column((top, "合计", None)), Column((top, "因公出国（境）费", None)), Column((top, "公务接待费", None)),
            Column((top, "公务用车购置及运行费", "小计")), Column((top, "公务用车购置及运行费", "购置费")),
            Column((top, "公务用车购置及运行费", "运行费")), Column((f"{y}年机关运行经费预算数", None, None))]
    vals = [sum(sg.values()), sg["出国"], sg["接待"], sg["购置"] + sg["运行"], sg["购置"], sg["运行"], m.running]
    add("sangong", "“三公”经费和机关运行经费预算表", cols, [Row([f(v) for v in vals])],
        printed=("部门" if look.title_year else "") + "“三公”经费和机关运行经费预算表", landscape=False)

    if rng.random() < 0.6:
        f = fmts["buy"]
        rows, cols = [], [Column(("采购项目",), "label", width=2.2), Column(("采购类别",), "text", width=0.8),
                          Column(("采购品目",), "text", width=1.6), Column(("采购组织形式",), "text", width=1.3),
                          Column(("预算金额",))]
        for cat, amount in m.procurement.items():
            if not amount:
                continue
            picks = rng.sample(PURCHASES[cat], min(len(PURCHASES[cat]), rng.randint(1, 3)))
            for (proj, item), v in zip(picks, split(amount, [rng.uniform(0.3, 1) for _ in picks], 100)):
                rows.append(Row([proj, cat, item, rng.choice(["政府集中采购", "分散采购"]), f(v)]))
        rows.append(Row(["合计", "", "", "", f(sum(m.procurement.values()))]))
        add("buy", "政府采购预算表", cols, rows)
    return tables


# ================================================================ narrative


class _Writer:
    """Builds narrative blocks piece by piece so each fact knows its paragraph offset and heading."""

    def __init__(self, prefix: str):
        self.blocks: list[Block] = []
        self.prefix = prefix
        self.section = ""
        self._text: list[str] = []
        self._facts: list[Fact] = []
        self._n = 0

    def head(self, kind: str, text: str) -> None:
        self.end()
        self.blocks.append(Block(kind, text))
        if kind in ("h1", "h2"):
            self.section = text

    def t(self, s: str) -> _Writer:
        self._text.append(s)
        return self

    def f(self, subject: str, value: str, unit: str, qualifier: str = "") -> _Writer:
        offset = sum(len(s) for s in self._text)
        self._n += 1
        self._facts.append(Fact(f"{self.prefix}{self._n}", subject, value, unit, qualifier, self.section, offset))
        self._text.append(value + unit)
        return self

    def money(self, subject: str, yuan: int, qualifier: str = "") -> _Writer:
        return self.f(subject, wan(yuan), "万元", qualifier)

    def change(self, subject: str, now: int, before: int, flat: str = "持平") -> _Writer:
        """…增加X万元，增长Y% / …减少…，下降… / 持平, the template's change clause."""
        diff = int(Decimal(wan(now)) * 100) - int(Decimal(wan(before)) * 100)
        if diff == 0:
            return self.t(flat)
        up = diff > 0
        self.t("增加" if up else "减少").f(subject, wan(abs(diff) * 100), "万元", "比上年增加" if up else "比上年减少")
        if before:
            self.t("，增长" if up else "，下降").f(subject, pct(abs(diff) * 100, int(Decimal(wan(before)) * 10000)), "%",
                                             "增长率" if up else "下降率")
        return self

    def end(self) -> None:
        if self._text:
            self.blocks.append(Block("p", "".join(self._text), self._facts))
        self._text, self._facts = [], []


REASONS_UP = ("人员经费政策性调整", "新增专项工作任务", "在职人员增加", "加大重点项目保障力度")
REASONS_DOWN = ("压减一般性支出", "部分项目完成后不再安排", "严格落实过紧日子要求", "退休人员增加导致在职人员经费减少")

GLOSSARY = (
    ("财政拨款收入", "指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。"),
    ("事业收入", "指事业单位开展专业业务活动及其辅助活动取得的收入。"),
    ("其他收入", "指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。"),
    ("年初结转和结余", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
    ("基本支出", "指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。"),
    ("项目支出", "指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。"),
    ("“三公”经费", "指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。"),
    ("机关运行经费", "指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。"),
)


@dataclass(frozen=True)
class Staff:
    offices: int      # 内设机构
    admin: int        # 行政编制
    service: int      # 事业编制
    actual: int       # 实有人数
    retired: int
    vehicles: dict[str, int]
    equipment: int    # 单价100万元（含）以上设备
    receptions: tuple[int, int]   # 公务接待 批次, 人次
    trips: tuple[int, int]        # 因公出国 团组, 人次
    cars_bought: int
    projects: tuple[int, int]     # 绩效目标 项目数, 金额 (元)


def _staff(rng: random.Random, level: str, units: int, money: Money) -> Staff:
    lo, hi = {"province": (10, 24), "city": (6, 15), "district": (4, 10)}[level]
    admin = rng.randint(lo * 4, hi * 8)
    service = rng.randint(units * 8, units * 40) if units else 0
    cars = {"机要通信用车": rng.randint(0, 2), "应急保障用车": rng.randint(0, 3), "执法执勤用车": rng.randint(0, 8),
            "特种专业技术用车": rng.choice([0, 0, rng.randint(1, 3)]), "其他用车": rng.randint(0, 2)}
    if money.sangong["运行"] and not sum(cars.values()):
        cars["其他用车"] = 1
    visits = rng.randint(5, 60) if money.sangong["接待"] else 0
    trips = rng.randint(1, 4) if money.sangong["出国"] else 0
    n_proj = rng.randint(3, 30)
    return Staff(rng.randint(lo, hi), admin, service, admin + service - rng.randint(0, max(1, (admin + service) // 8)),
                 rng.randint(0, admin // 2), cars, rng.choice([0, 0, 1, 2, 3]) if level != "district" else rng.choice([0, 1]),
                 (visits, visits * rng.randint(4, 12)), (trips, trips * rng.randint(2, 5)),
                 rng.randint(1, 2) if money.sangong["购置"] else 0,
                 (n_proj, near(rng, sum(ln.project for ln in money.lines), 0.5, 1.0, 100)))


def _front(w: _Writer, spec_kind: str, dept: Department, year: int, units: list[str], staff: Staff, duty: str,
           as_grid: bool) -> None:
    """第一部分 概况: 职能, 单位构成, and the counts of offices, posts and people."""
    part = "概况" if spec_kind == "决算" else "部门概况"
    w.head("part", f"第一部分 {dept.name}{part}" if spec_kind == "决算" else f"第一部分 {part}")
    w.head("h1", "一、主要职能")
    w.t(f"{dept.name}的主要职能是：{duty}")
    w.end()
    w.head("h1", "二、部门决算单位构成" if spec_kind == "决算" else "二、部门机构设置及预算单位构成情况")
    w.t(f"{dept.name}内设机构").f("内设机构", str(staff.offices), "个").t("，下属单位").f("下属单位", str(len(units) - 1), "个")
    w.t(f"。截至{year}年底，本部门编制").f("编制人数", str(staff.admin + staff.service), "人").t("，其中：行政编制")
    w.f("行政编制", str(staff.admin), "人", "其中")
    if staff.service:
        w.t("、事业编制").f("事业编制", str(staff.service), "人", "其中")
    w.t("；实有人数").f("实有人数", str(staff.actual), "人")
    if staff.retired:
        w.t("；离退休人员").f("离退休人员", str(staff.retired), "人")
    w.t("。")
    w.end()
    scope = f"纳入{dept.name}{year}年度部门{spec_kind}编制范围的单位包括："
    w.t(scope)
    w.end()
    if as_grid:
        w.blocks.append(Block("units", rows=[["序号", "单位名称", "备注"]] +
                              [[str(i + 1), u + ("（本级）" if i == 0 else ""), ""] for i, u in enumerate(units)]))
    else:
        for i, u in enumerate(units):
            w.t(f"{i + 1}. {u}{'（本级）' if i == 0 else ''}。")
            w.end()


def _juesuan_back(w: _Writer, dept: Department, year: int, m: Money, staff: Staff) -> None:
    """第三部分 情况说明 in the template's sentence shapes, then 名词解释."""
    d, y, p = dept.name, year, year - 1
    w.head("part", f"第三部分 {d}{y}年度部门决算情况说明")
    w.head("h1", "一、收入支出决算总体情况说明")
    total = m.grand_total
    w.t(f"{d}{y}年度收入支出总计").money("收入支出总计", total).t(f"。与{p}年度相比，收入支出总计")
    w.change("收入支出总计", total, m.prev_total)
    w.t(f"。主要原因：{_reason(total, m.prev_total)}。")
    w.head("h1", "二、收入决算情况说明")
    income = m.sum("income")
    w.t("本年收入合计").money("本年收入合计", income).t("，其中：")
    parts = [(n, v) for n, v in (("财政拨款收入", m.sum("fiscal_income")), ("事业收入", m.sum("sy_income")),
                                 ("其他收入", m.sum("qt_income"))) if v]
    for i, (n, v) in enumerate(parts):
        w.t("；" if i else "").t(n).money(n, v, "其中").t("，占").f(n, pct(v, income), "%", "占比")
    w.t("。")
    w.head("h1", "三、支出决算情况说明")
    spent = m.sum("total")
    w.t("本年支出合计").money("本年支出合计", spent).t("，其中：基本支出").money("基本支出", m.sum("basic"), "其中")
    w.t("，占").f("基本支出", pct(m.sum("basic"), spent), "%", "占比").t("；项目支出")
    w.money("项目支出", m.sum("project"), "其中").t("，占").f("项目支出", pct(m.sum("project"), spent), "%", "占比").t("。")
    w.head("h1", "四、财政拨款收入支出决算总体情况说明")
    w.t(f"{d}{y}年度财政拨款收入支出总计").money("财政拨款收入支出总计", m.fiscal_total)
    w.t(f"。与{p}年度相比，财政拨款收入支出总计").change("财政拨款收入支出总计", m.fiscal_total, m.prev_fiscal)
    w.t(f"。主要原因：{_reason(m.fiscal_total, m.prev_fiscal)}。")
    w.head("h1", "五、一般公共预算财政拨款支出决算情况说明")
    gp = m.sum("gp")
    w.head("h2", "（一）一般公共预算财政拨款支出决算总体情况")
    w.t("一般公共预算财政拨款支出").money("一般公共预算财政拨款支出", gp).t("，占本年支出合计的")
    w.f("一般公共预算财政拨款支出", pct(gp, spent), "%", "占比").t(f"。与{p}年度相比，一般公共预算财政拨款支出")
    w.change("一般公共预算财政拨款支出", gp, m.prev_gp).t(f"。主要原因：{_reason(gp, m.prev_gp)}。")
    w.head("h2", "（二）一般公共预算财政拨款支出决算结构情况")
    w.t("一般公共预算财政拨款支出").money("一般公共预算财政拨款支出", gp).t("，主要用于以下方面：")
    classes = sorted({ln.code[:3] for ln in m.lines if ln.gp})
    for i, c in enumerate(classes):
        v = sum(ln.gp for ln in m.lines if ln.code.startswith(c))
        name = func_name(c, y)
        w.t("；" if i else "").t(f"{name}（类）").money(f"{name}（类）", v).t("，占").f(f"{name}（类）", pct(v, gp), "%", "占比")
    w.t("。")
    w.head("h2", "（三）一般公共预算财政拨款支出决算具体情况")
    budget = m.sum("gp_budget")
    w.t("一般公共预算财政拨款支出年初预算为").money("一般公共预算财政拨款支出年初预算", budget).t("，支出决算为")
    w.money("一般公共预算财政拨款支出", gp).t("，完成年初预算的").f("一般公共预算财政拨款支出", pct(gp, budget), "%", "完成预算的")
    w.t(f"。决算数{'大于' if gp > budget else '小于'}预算数的主要原因：{_reason(gp, budget)}。其中：")
    w.end()
    for i, ln in enumerate(x for x in m.lines if x.gp):
        path = f"{func_name(ln.code[:3], y)}（类）{func_name(ln.code[:5], y)}（款）{func_name(ln.code, y)}（项）"
        w.t(f"{i + 1}、{path}。主要用于：{func_name(ln.code, y)}方面的支出。年初预算为").money(path + "年初预算", ln.gp_budget)
        w.t("，支出决算为").money(path, ln.gp)
        if ln.gp_budget:
            w.t("，完成年初预算的").f(path, pct(ln.gp, ln.gp_budget), "%", "完成预算的")
        w.t("。" + ("决算数与年初预算数持平。" if ln.gp == ln.gp_budget else
                   f"决算数{'大于' if ln.gp > ln.gp_budget else '小于'}预算数的主要原因：{_reason(ln.gp, ln.gp_budget)}。"))
        w.end()
    w.head("h1", "六、一般公共预算财政拨款基本支出决算情况说明")
    w.t("一般公共预算财政拨款基本支出").money("一般公共预算财政拨款基本支出", m.sum("gp_basic")).t("。其中：人员经费")
    w.money("人员经费", m.personnel, "其中").t("，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费等；公用经费")
    w.money("公用经费", m.public, "其中").t("，主要包括：办公费、印刷费、水费、电费、邮电费、差旅费、维修（护）费等。")
    _juesuan_sangong(w, dept, y, m, staff)
    w.head("h1", "八、政府性基金预算财政拨款收入支出决算情况说明")
    gf = m.sum("gf_project")
    if gf:
        w.t("政府性基金预算财政拨款收入").money("政府性基金预算财政拨款收入", gf).t("，支出")
        w.money("政府性基金预算财政拨款支出", gf).t("，主要用于社会福利方面的彩票公益金支出。")
    else:
        w.t(f"{d}{y}年度无政府性基金预算财政拨款收入和支出。")
    w.head("h1", "九、国有资本经营预算财政拨款收入支出决算情况说明")
    w.t(f"{d}{y}年度无国有资本经营预算财政拨款收入和支出。")
    w.head("h1", "十、预算绩效管理情况")
    w.t(f"{d}{y}年度预算绩效管理工作开展情况如下：编报绩效目标的{y}年度项目").f("编报绩效目标的项目", str(staff.projects[0]), "个")
    w.t("，涉及预算金额").money("编报绩效目标的项目预算金额", staff.projects[1]).t("。")
    w.head("h1", "十一、其他重要事项的情况说明")
    w.head("h2", "（一）机关运行经费支出情况")
    w.t("机关运行经费支出").money("机关运行经费支出", m.running).t(f"，比{p}年度").change("机关运行经费支出", m.running, m.running_prev)
    w.t(f"。主要原因是{_reason(m.running, m.running_prev)}。")
    _procurement(w, d, y, m, "决算")
    _assets(w, d, y, staff, "决算")
    _glossary(w)


def _juesuan_sangong(w: _Writer, dept: Department, y: int, m: Money, staff: Staff) -> None:
    sg, bd, pv = m.sangong, m.sangong_budget, m.sangong_prev
    w.head("h1", "七、财政拨款“三公”经费支出决算情况说明")
    if not any(sg.values()) and not any(bd.values()):
        w.t(f"{dept.name}{y}年度无“三公”经费财政拨款支出。")
        return
    w.head("h2", "（一）“三公”经费财政拨款支出决算总体情况说明。")
    car, car_b, car_p = sg["购置"] + sg["运行"], bd["购置"] + bd["运行"], pv["购置"] + pv["运行"]
    total, total_b, total_p = sum(sg.values()), sum(bd.values()), sum(pv.values())
    w.t("“三公”经费财政拨款支出年初预算为").money("“三公”经费财政拨款支出年初预算", total_b).t("，支出决算为")
    w.money("“三公”经费财政拨款支出决算", total)
    if total_b:
        w.t("，完成预算的").f("“三公”经费财政拨款支出决算", pct(total, total_b), "%", "完成预算的")
    w.t("，其中：")
    for i, (name, a, b) in enumerate((("因公出国（境）费", sg["出国"], bd["出国"]), ("公务用车购置及运行维护费", car, car_b),
                                      ("公务接待费", sg["接待"], bd["接待"]))):
        w.t("；" if i else "").t(f"{name}支出决算为").money(f"{name}支出决算", a, "其中")
        if b:
            w.t("，完成预算的").f(f"{name}支出决算", pct(a, b), "%", "完成预算的")
    w.t(f"。{y}年度“三公”经费支出决算数{'小于' if total < total_b else '等于'}预算数的主要原因：严格执行中央八项规定精神，厉行节约。")
    w.end()
    w.t(f"{y}年度“三公”经费财政拨款支出决算数比{y - 1}年度").change("“三公”经费财政拨款支出决算", total, total_p)
    w.t("，其中：")
    for i, (name, a, b) in enumerate((("因公出国（境）费", sg["出国"], pv["出国"]), ("公务用车购置及运行维护费", car, car_p),
                                      ("公务接待费", sg["接待"], pv["接待"]))):
        w.t("；" if i else "").t(f"{name}支出决算").change(f"{name}支出决算", a, b)
    w.t("。")
    w.head("h2", "（二）“三公”经费财政拨款支出决算具体情况说明。")
    w.t("1、因公出国（境）费支出").money("因公出国（境）费支出", sg["出国"])
    if staff.trips[0]:
        w.t("。全年安排因公出国（境）团组").f("因公出国（境）团组", str(staff.trips[0]), "个").t("、累计")
        w.f("因公出国（境）人次", str(staff.trips[1]), "人次")
    w.t("。")
    w.end()
    w.t("2、公务用车购置及运行维护费支出").money("公务用车购置及运行维护费支出", car).t("。其中：公务用车购置支出为")
    w.money("公务用车购置支出", sg["购置"], "其中")
    if staff.cars_bought:
        w.t("，购置公务用车").f("购置公务用车", str(staff.cars_bought), "辆")
    w.t("；公务用车运行维护支出").money("公务用车运行维护支出", sg["运行"], "其中").t(f"，主要用于公务用车燃料费、维修费、保险费等。{y}年，")
    w.t(f"{dept.name}所属各预算单位开支财政拨款的公务用车保有量为").f("公务用车保有量", str(sum(staff.vehicles.values())), "辆")
    w.t("。")
    w.end()
    w.t("3、公务接待费支出").money("公务接待费支出", sg["接待"])
    if staff.receptions[0]:
        w.t("，主要用于上级部门检查指导、兄弟单位交流学习等公务接待，共接待").f("公务接待批次", str(staff.receptions[0]), "批次")
        w.t("、").f("公务接待人次", str(staff.receptions[1]), "人次")
    w.t("。")


def _procurement(w: _Writer, d: str, y: int, m: Money, kind: str) -> None:
    pr = m.procurement
    if kind == "决算":
        w.head("h2", "（二）政府采购支出情况")
        w.t(f"{d}{y}年度政府采购金额（以合同签订为准）为").money("政府采购金额", sum(pr.values())).t("，其中：")
        w.t("货物采购金额").money("货物采购金额", pr["货物"], "其中").t("、工程采购金额").money("工程采购金额", pr["工程"], "其中")
        w.t("、服务采购金额").money("服务采购金额", pr["服务"], "其中").t("。")
        small = pr["货物"] + pr["服务"]
        w.t(f"{y}年度本部门面向中小企业预留政府采购项目预算金额").money("面向中小企业预留政府采购项目预算金额", small).t("。")
    else:
        w.head("h1", "九、政府采购预算情况说明")
        w.t(f"{y}年度本部门政府采购预算总额").money("政府采购预算", sum(pr.values())).t("，其中：货物类")
        w.money("货物类政府采购预算", pr["货物"], "其中").t("、工程类").money("工程类政府采购预算", pr["工程"], "其中")
        w.t("、服务类").money("服务类政府采购预算", pr["服务"], "其中").t("。")


def _assets(w: _Writer, d: str, y: int, staff: Staff, kind: str) -> None:
    if kind == "决算":
        w.head("h2", "（三）国有资产占有使用情况说明")
        day = f"截至{y}年12月31日"
    else:
        w.head("h1", "十、国有资产占用情况说明")
        day = f"截至{y - 1}年12月31日"
    cars = staff.vehicles
    w.t(f"{day}，{d}共有车辆").f("车辆", str(sum(cars.values())), "辆").t("，其中：")
    for i, (k, v) in enumerate(cars.items()):
        w.t("、" if i else "").t(k).f(k, str(v), "辆", "其中")
    w.t("。单价100万元（含）以上设备（不含车辆）").f("单价100万元（含）以上设备", str(staff.equipment), "台（套）").t("。")


def _glossary(w: _Writer) -> None:
    w.head("part", "第四部分 名词解释")
    for i, (term, text) in enumerate(GLOSSARY):
        w.t(f"{CHINESE_NUMERALS[i]}、{term}：{text}")
        w.end()


def _reason(now: int, before: int) -> str:
    return REASONS_UP[now % len(REASONS_UP)] if now >= before else REASONS_DOWN[now % len(REASONS_DOWN)]


def _yusuan_back(w: _Writer, dept: Department, year: int, m: Money, staff: Staff) -> None:
    """第三部分 预算情况说明, in the Jiangsu / Shanghai budget sentence shapes."""
    d, y, p = dept.name, year, year - 1
    w.head("part", f"第三部分 {y}年度部门预算情况说明")
    w.head("h1", "一、收支预算总体情况说明")
    total = m.sum("income")
    w.t(f"{d}{y}年度收入、支出预算总计").money("收入、支出预算总计", total).t("，与上年相比收、支预算总计各")
    w.change("收入、支出预算总计", total, m.prev_total).t(f"。主要原因是{_reason(total, m.prev_total)}。")
    w.end()
    w.t("支出预算总计").money("支出预算总计", m.sum("total")).t("。包括：")
    w.end()
    for i, c in enumerate(sorted({ln.code[:3] for ln in m.lines})):
        members = [ln for ln in m.lines if ln.code.startswith(c)]
        name = func_name(c, y).removesuffix("支出")
        v, before = sum(ln.total for ln in members), sum(ln.prev for ln in members)
        w.t(f"{i + 1}．{name}（类）支出").money(f"{name}（类）支出", v).t("，与上年相比").change(f"{name}（类）支出", v, before)
        w.t("。")
        w.end()
    w.head("h1", "二、收入预算情况说明")
    w.t(f"{d}本年收入预算合计").money("本年收入预算合计", total).t("，其中：")
    parts = [(n, v) for n, v in (("一般公共预算收入", m.sum("gp_income")), ("政府性基金收入", m.sum("gf_project")),
                                 ("事业收入", m.sum("sy_income")), ("其他收入", m.sum("qt_income"))) if v]
    for i, (n, v) in enumerate(parts):
        w.t("；" if i else "").t(n).money(n, v, "其中").t("，占").f(n, pct(v, total), "%", "占比")
    w.t("。")
    w.head("h1", "三、支出预算情况说明")
    spent = m.sum("total")
    w.t(f"{d}本年支出预算合计").money("本年支出预算合计", spent).t("，其中：基本支出").money("基本支出", m.sum("basic"), "其中")
    w.t("，占").f("基本支出", pct(m.sum("basic"), spent), "%", "占比").t("；项目支出")
    w.money("项目支出", m.sum("project"), "其中").t("，占").f("项目支出", pct(m.sum("project"), spent), "%", "占比").t("。")
    w.head("h1", "四、财政拨款收支预算总体情况说明")
    fiscal = m.sum("fiscal_income")
    w.t(f"{d}{y}年度财政拨款收、支总预算").money("财政拨款收、支总预算", fiscal).t("。与上年相比，财政拨款收、支总计各")
    w.change("财政拨款收、支总预算", fiscal, m.prev_fiscal).t("。")
    w.head("h1", "五、一般公共预算支出预算情况说明")
    gp = m.sum("gp")
    w.t(f"{d}{y}年一般公共预算财政拨款支出预算").money("一般公共预算财政拨款支出预算", gp).t("，与上年相比")
    w.change("一般公共预算财政拨款支出预算", gp, m.prev_gp).t("。其中：")
    w.end()
    for i, ln in enumerate(x for x in m.lines if x.gp):
        path = f"{func_name(ln.code[:5], y)}（款）{func_name(ln.code, y)}（项）"
        w.t(f"{i + 1}．{func_name(ln.code[:3], y)}（类）{path}支出").money(path, ln.gp).t("，与上年相比")
        w.change(path, ln.gp, ln.prev).t("。")
        w.end()
    w.head("h1", "六、一般公共预算基本支出预算情况说明")
    w.t(f"{d}{y}年度一般公共预算财政拨款基本支出预算").money("一般公共预算财政拨款基本支出预算", m.sum("gp_basic")).t("，其中：")
    w.t("人员经费").money("人员经费", m.personnel, "其中").t("，主要包括：基本工资、津贴补贴、奖金、绩效工资、住房公积金等；公用经费")
    w.money("公用经费", m.public, "其中").t("，主要包括：办公费、水费、电费、邮电费、差旅费、会议费、培训费等。")
    w.head("h1", "七、“三公”经费预算情况说明")
    sg, pv = m.sangong, m.sangong_prev
    car, car_p = sg["购置"] + sg["运行"], pv["购置"] + pv["运行"]
    w.t(f"{y}年“三公”经费预算数为").money("“三公”经费预算数", sum(sg.values())).t(f"，比{p}年预算")
    w.change("“三公”经费预算数", sum(sg.values()), sum(pv.values())).t("。其中：")
    w.end()
    w.t("（一）因公出国（境）费").money("因公出国（境）费预算", sg["出国"], "其中").t(f"，比{p}年预算")
    w.change("因公出国（境）费预算", sg["出国"], pv["出国"]).t("。")
    w.end()
    w.t("（二）公务用车购置及运行费").money("公务用车购置及运行费预算", car, "其中").t(f"，比{p}年预算")
    w.change("公务用车购置及运行费预算", car, car_p).t("。其中：公务用车购置费").money("公务用车购置费预算", sg["购置"], "其中")
    w.t("；公务用车运行费").money("公务用车运行费预算", sg["运行"], "其中").t("。")
    w.end()
    w.t("（三）公务接待费").money("公务接待费预算", sg["接待"], "其中").t(f"，比{p}年预算")
    w.change("公务接待费预算", sg["接待"], pv["接待"]).t("。")
    w.head("h1", "八、机关运行经费预算情况说明")
    w.t(f"{y}年度本部门一般公共预算机关运行经费预算").money("机关运行经费预算", m.running).t("，与上年相比")
    w.change("机关运行经费预算", m.running, m.running_prev).t(f"。主要原因是{_reason(m.running, m.running_prev)}。")
    _procurement(w, d, y, m, "预算")
    _assets(w, d, y, staff, "预算")
    w.head("h1", "十一、预算绩效目标设置情况说明")
    w.t(f"{y}年度本部门共").f("实行绩效目标管理的项目", str(staff.projects[0]), "个").t("项目实行绩效目标管理，涉及财政性资金合计")
    w.money("实行绩效目标管理的项目资金", staff.projects[1]).t("。")
    _glossary(w)


# ================================================================ the whole document


def generate(seed: int, kind: str = "决算", level: str = "city") -> DisclosureSpec:
    """Draw one department's disclosure: tables and narrative built from one set of figures."""
    rng = random.Random(f"{seed}:{kind}:{level}")
    year = rng.randint(2017, 2025 if kind == "决算" else 2026)
    dept, org = _department(rng, level, year)
    place = dept.name.removesuffix(dept.org)
    units = [dept.name] + [place + u for u in rng.sample(org.units, rng.randint(0, len(org.units)))]
    unit = "万元" if kind == "决算" or rng.random() < 0.5 else "元"
    look = Look(unit, "万元" if unit == "元" and rng.random() < 0.7 else unit, rng.random() < 0.5,
                kind == "预算" and rng.random() < 0.5, rng.random() < 0.7, kind == "预算" and rng.random() < 0.5,
                rng.random() < 0.8)
    money = _money(rng, org, level, len(units) > 1, kind, unit)
    staff = _staff(rng, level, len(units) - 1, money)
    tables = (_juesuan_tables if kind == "决算" else _yusuan_tables)(rng, look, money, year, dept)
    front = _Writer("F")
    _front(front, kind, dept, year, units, staff, org.duty, kind == "决算")
    front.end()
    back = _Writer("N")
    (_juesuan_back if kind == "决算" else _yusuan_back)(back, dept, year, money, staff)
    back.end()
    parts = [b.text for b in front.blocks + back.blocks if b.kind in ("part", "h1")]
    table_part = f"第二部分 {dept.name}{year}年度部门{kind}表" if kind == "决算" else f"第二部分 {year}年度部门预算表"
    split_at = next(i for i, t in enumerate(parts) if t.startswith("第三部分"))
    contents = parts[:split_at] + [table_part] + [f"{CHINESE_NUMERALS[i]}、{t.title.removeprefix(f'{year}年')}"
                                                  for i, t in enumerate(tables)] + parts[split_at:]
    caption = rng.choice(["部门：", "编制部门：", "编制单位：", ""] if kind == "预算" else ["", "部门：", "编制单位："])
    return DisclosureSpec(seed, kind, year, "部门", dept, units, tables, front.blocks, back.blocks, contents, table_part,
                          caption)
