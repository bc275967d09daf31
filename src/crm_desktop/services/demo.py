"""Realistic demo data — Chinese and English customers with contacts, follow-ups and deals.

``generate_demo`` fills a freshly created workspace (its owner user and default stages already
there) for trying the app and for the benchmarks. It must make a million customers in minutes,
so it bypasses the ORM and the services: rows are made per chunk of customers from one seeded
``random.Random`` (same seed and ``now``, same data) and inserted with DB-API ``executemany``
on one raw connection, one transaction per chunk, keeping memory bounded by the chunk size.

It writes no change-journal rows: demo data is bulk-loaded, not changes a user made, so it has
no history to show and nothing to sync. Derived columns (a customer's ``last_contact_at`` and
``next_followup_at``, an opportunity's ``status`` and ``closed_at``) are set exactly as the
services would have set them, so the services can read and update the records afterwards.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple, TypeVar

from crm_desktop.db.engine import Database
from crm_desktop.db.keyed_file import RawConnection
from crm_desktop.db.types import utcnow

CHUNK = 20_000
LOAD_CACHE_KIB = 256 * 1024
HISTORY_DAYS = 730
DAY_US = 86_400_000_000
HOUR_US = 3_600_000_000
MINUTE_US = 60_000_000

T = TypeVar("T")
Row = tuple[Any, ...]
Progress = Callable[[int, int], None]


def _words(text: str, sep: str | None = None) -> list[str]:
    """Split a vocabulary written as one string (keeps long word lists compact)."""
    return text.split(sep)


def _pairs(text: str) -> list[tuple[str, str]]:
    """``"王 wang|李 li"`` as ``[("王", "wang"), ("李", "li")]``: Chinese text and its pinyin."""
    return [(a, b) for a, b in (item.split() for item in text.split("|"))]


def _weighted(pairs: Sequence[tuple[T, int]]) -> list[T]:
    """A list in which each item appears ``weight`` times: ``lst[int(random() * len)]`` picks."""
    return [item for item, weight in pairs for _ in range(weight)]


# --- vocabulary ---------------------------------------------------------------------------

_SURNAMES = _weighted(
    [(s, 6) for s in _pairs("王 wang|李 li|张 zhang|刘 liu|陈 chen")]
    + [
        (s, 3)
        for s in _pairs("杨 yang|黄 huang|赵 zhao|吴 wu|周 zhou|徐 xu|孙 sun|马 ma|朱 zhu|胡 hu")
    ]
    + [
        (s, 1)
        for s in _pairs(
            "郭 guo|何 he|林 lin|高 gao|罗 luo|郑 zheng|梁 liang|谢 xie|宋 song|唐 tang|韩 han|"
            "冯 feng|邓 deng|曹 cao|彭 peng|曾 zeng|肖 xiao|田 tian|董 dong|潘 pan|袁 yuan|"
            "蔡 cai|蒋 jiang|余 yu|于 yu|杜 du|叶 ye|程 cheng|魏 wei|苏 su|吕 lv|丁 ding|"
            "任 ren|卢 lu|姚 yao|沈 shen|钟 zhong|姜 jiang|崔 cui|谭 tan|陆 lu|范 fan|汪 wang|"
            "廖 liao|石 shi|金 jin|贾 jia|夏 xia|方 fang|邹 zou|熊 xiong|白 bai|孟 meng|秦 qin|"
            "邱 qiu|侯 hou|江 jiang|薛 xue|段 duan|雷 lei|龙 long|陶 tao|贺 he|顾 gu|龚 gong|"
            "邵 shao|钱 qian|戴 dai|严 yan|欧阳 ouyang|司马 sima|上官 shangguan"
        )
    ]
)
_GIVEN_MALE = _pairs(
    "伟 wei|强 qiang|磊 lei|军 jun|勇 yong|杰 jie|涛 tao|斌 bin|超 chao|明 ming|刚 gang|"
    "平 ping|辉 hui|鹏 peng|华 hua|飞 fei|鑫 xin|波 bo|宇 yu|浩 hao|凯 kai|健 jian|俊 jun|"
    "帆 fan|旭 xu|宁 ning|龙 long|阳 yang|建 jian|国 guo|志 zhi|文 wen|海 hai|东 dong|峰 feng|"
    "晨 chen|博 bo|子 zi|轩 xuan|睿 rui"
)
_GIVEN_FEMALE = _pairs(
    "芳 fang|娜 na|敏 min|静 jing|丽 li|艳 yan|娟 juan|霞 xia|秀 xiu|玲 ling|婷 ting|雪 xue|"
    "慧 hui|莹 ying|倩 qian|琳 lin|颖 ying|洁 jie|佳 jia|欣 xin|怡 yi|梅 mei|兰 lan|燕 yan|"
    "萍 ping|红 hong|晶 jing|蕾 lei|璐 lu|瑶 yao|月 yue|悦 yue|思 si|雨 yu|晓 xiao|诗 shi|"
    "梦 meng|嘉 jia|雅 ya|萱 xuan"
)
_FIRST_MALE = _words(
    "James John Robert Michael William David Richard Joseph Thomas Daniel Matthew Andrew Ryan "
    "Kevin Brian George Edward Jack Oliver Henry Samuel Benjamin Lucas Nathan Peter"
)
_FIRST_FEMALE = _words(
    "Mary Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Karen Emily Emma Olivia Sophie "
    "Hannah Grace Chloe Lucy Amy Laura Rachel Charlotte Megan Natalie Alice Rebecca"
)
_LAST = _words(
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
    "Jackson Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker "
    "Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins "
    "Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Kelly Howard "
    "Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Patel Wong Lee Nguyen Kim "
    "Singh O'Brien"
)

# (word in a Chinese company name, Chinese industry, English word, English industry)
_INDUSTRIES = [
    ("电子", "电子制造", "Electronics", "Electronics"),
    ("光电", "电子制造", "Optoelectronics", "Electronics"),
    ("贸易", "国际贸易", "Trading", "Wholesale & trade"),
    ("进出口", "国际贸易", "Import Export", "Wholesale & trade"),
    ("科技", "信息技术", "Technologies", "Information technology"),
    ("软件", "信息技术", "Software", "Information technology"),
    ("机械", "机械设备", "Machinery", "Machinery"),
    ("化工", "化工", "Chemicals", "Chemicals"),
    ("服饰", "纺织服装", "Apparel", "Textiles & apparel"),
    ("食品", "食品饮料", "Foods", "Food & beverage"),
    ("建材", "建筑建材", "Building Supplies", "Construction"),
    ("物流", "物流运输", "Logistics", "Logistics"),
    ("医疗器械", "医疗健康", "Medical", "Healthcare"),
    ("生物科技", "医疗健康", "Biotech", "Healthcare"),
    ("家居", "家具家居", "Furniture", "Furniture"),
    ("包装", "包装印刷", "Packaging", "Packaging & printing"),
    ("新能源", "新能源", "Energy", "Energy"),
    ("汽车配件", "汽车及配件", "Auto Parts", "Automotive"),
    ("教育咨询", "教育培训", "Learning", "Education"),
    ("五金", "五金工具", "Hardware", "Tools & hardware"),
]
_BRANDS_ZH = _pairs(
    "华强 huaqiang|鼎盛 dingsheng|恒通 hengtong|宏达 hongda|金泰 jintai|瑞丰 ruifeng|"
    "天成 tiancheng|新源 xinyuan|博远 boyuan|嘉禾 jiahe|中鼎 zhongding|永信 yongxin|"
    "东方 dongfang|联创 lianchuang|卓越 zhuoyue|星辰 xingchen|海纳 haina|佳美 jiamei|"
    "安泰 antai|盛世 shengshi|远航 yuanhang|宏华 honghua|金桥 jinqiao|华信 huaxin|"
    "汇通 huitong|德利 deli|富源 fuyuan|长青 changqing|荣昌 rongchang|创新 chuangxin|"
    "同创 tongchuang|泰和 taihe|百川 baichuan|凯瑞 kairui|明德 mingde|晨光 chenguang|"
    "启航 qihang|润达 runda|银河 yinhe|蓝海 lanhai|方圆 fangyuan|正泰 zhengtai|天宇 tianyu|"
    "信达 xinda|万通 wantong|中科 zhongke|精诚 jingcheng|合众 hezhong|青松 qingsong|"
    "金鹰 jinying|华美 huamei|大地 dadi|鑫源 xinyuan|昊天 haotian|立信 lixin|通达 tongda"
)
_BRANDS_EN = _words(
    "Northwind Bluewater Summit Redwood Silverline Ironbridge Oakridge Pinecrest Brightstar "
    "Evergreen Harborview Westfield Crescent Riverside Highland Lakeside Sterling Atlas Pioneer "
    "Horizon Keystone Liberty Granite Meridian Apex Beacon Cobalt Falcon Orchard Copperfield "
    "Stonegate Clearwater Kingsbridge Fairmont Juniper Seaside Bayside Northstar Greenleaf"
)
_COMPANY_SUFFIX_ZH = _weighted(
    [
        ("有限公司", 50),
        ("科技有限公司", 15),
        ("股份有限公司", 10),
        ("有限责任公司", 10),
        ("集团有限公司", 3),
        ("实业有限公司", 6),
    ]
)
_COMPANY_SUFFIX_EN = {
    "us": ["Inc.", "LLC", "Corp.", "Co."],
    "ca": ["Inc.", "Ltd."],
    "uk": ["Ltd", "Ltd", "PLC", "& Co."],
    "au": ["Pty Ltd"],
    "sg": ["Pte Ltd"],
    "cn": ["Ltd.", "Co., Ltd."],
}


class _Place(NamedTuple):
    region: str
    city: str
    country: str  # cn, us, uk, ca, au, sg: how phones and addresses look
    area: str  # landline area code, national form without the trunk 0
    districts: tuple[str, ...]


def _cn(region: str, city: str, area: str, districts: str) -> _Place:
    return _Place(region, city, "cn", area, tuple(districts.split()))


_PLACES_CN = _weighted(
    [
        (_cn("广东省", "深圳市", "755", "南山区 福田区 宝安区 龙岗区 龙华区"), 14),
        (_cn("广东省", "广州市", "20", "天河区 越秀区 番禺区 白云区 海珠区"), 10),
        (_cn("广东省", "东莞市", "769", "南城街道 长安镇 虎门镇 松山湖"), 5),
        (_cn("广东省", "佛山市", "757", "顺德区 南海区 禅城区"), 4),
        (_cn("上海市", "上海市", "21", "浦东新区 徐汇区 闵行区 静安区 嘉定区"), 12),
        (_cn("北京市", "北京市", "10", "朝阳区 海淀区 东城区 丰台区 大兴区"), 10),
        (_cn("天津市", "天津市", "22", "和平区 滨海新区 南开区"), 2),
        (_cn("重庆市", "重庆市", "23", "渝中区 江北区 渝北区"), 3),
        (_cn("浙江省", "杭州市", "571", "西湖区 滨江区 余杭区 萧山区"), 7),
        (_cn("浙江省", "宁波市", "574", "鄞州区 海曙区 北仑区"), 3),
        (_cn("浙江省", "温州市", "577", "鹿城区 瓯海区"), 2),
        (_cn("浙江省", "金华市", "579", "义乌市 婺城区"), 2),
        (_cn("江苏省", "南京市", "25", "鼓楼区 江宁区 建邺区"), 4),
        (_cn("江苏省", "苏州市", "512", "工业园区 吴中区 昆山市 相城区"), 6),
        (_cn("江苏省", "无锡市", "510", "滨湖区 新吴区"), 2),
        (_cn("山东省", "青岛市", "532", "市南区 黄岛区 崂山区"), 3),
        (_cn("山东省", "济南市", "531", "历下区 槐荫区"), 2),
        (_cn("福建省", "厦门市", "592", "思明区 湖里区 集美区"), 3),
        (_cn("福建省", "福州市", "591", "鼓楼区 台江区"), 2),
        (_cn("四川省", "成都市", "28", "武侯区 高新区 锦江区 成华区"), 5),
        (_cn("湖北省", "武汉市", "27", "江汉区 洪山区 武昌区"), 4),
        (_cn("湖南省", "长沙市", "731", "岳麓区 芙蓉区 雨花区"), 3),
        (_cn("河南省", "郑州市", "371", "金水区 二七区 郑东新区"), 3),
        (_cn("陕西省", "西安市", "29", "雁塔区 未央区 碑林区"), 3),
        (_cn("安徽省", "合肥市", "551", "蜀山区 包河区 高新区"), 2),
        (_cn("辽宁省", "大连市", "411", "中山区 甘井子区"), 2),
        (_cn("辽宁省", "沈阳市", "24", "和平区 浑南区"), 2),
        (_cn("河北省", "石家庄市", "311", "长安区 裕华区"), 1),
        (_cn("广西壮族自治区", "南宁市", "771", "青秀区 西乡塘区"), 1),
        (_cn("云南省", "昆明市", "871", "五华区 盘龙区"), 1),
    ]
)
_PLACES_EN = _weighted(
    [
        (_Place("California", "San Francisco", "us", "415", ()), 5),
        (_Place("California", "Los Angeles", "us", "213", ()), 4),
        (_Place("New York", "New York", "us", "212", ()), 5),
        (_Place("Texas", "Austin", "us", "512", ()), 2),
        (_Place("Washington", "Seattle", "us", "206", ()), 2),
        (_Place("Illinois", "Chicago", "us", "312", ()), 3),
        (_Place("Massachusetts", "Boston", "us", "617", ()), 2),
        (_Place("England", "London", "uk", "20", ()), 5),
        (_Place("England", "Manchester", "uk", "161", ()), 2),
        (_Place("Scotland", "Edinburgh", "uk", "131", ()), 1),
        (_Place("Ontario", "Toronto", "ca", "416", ()), 3),
        (_Place("British Columbia", "Vancouver", "ca", "604", ()), 2),
        (_Place("New South Wales", "Sydney", "au", "2", ()), 3),
        (_Place("Victoria", "Melbourne", "au", "3", ()), 2),
        (_Place("Singapore", "Singapore", "sg", "6", ()), 3),
    ]
)
_ROADS_ZH = _words(
    "科技园路 人民路 中山路 建设路 解放路 和平路 新华路 长江路 黄河路 世纪大道 创业路 工业大道 "
    "滨海大道 深南大道 学府路 文化路 光明路 迎宾大道"
)
_STREETS_EN = _words(
    "Market Main Oak Maple Pine Cedar Elm Washington Lake Hill Park Church High Station King "
    "Queen Victoria George Harbour Bay"
)
_STREET_KINDS = ["St", "Street", "Ave", "Road", "Rd", "Blvd", "Lane"]
_CN_MOBILE = [
    str(p)
    for p in (
        *range(130, 140),
        147,
        *range(150, 154),
        *range(155, 160),
        166,
        173,
        *range(175, 179),
        *range(180, 190),
        191,
        198,
        199,
    )
]
_CN_MOBILE_FORMATS = _weighted(
    [
        ("{a}{b}{c}", 30),
        ("{a} {b} {c}", 25),
        ("{a}-{b}-{c}", 15),
        ("+86 {a} {b} {c}", 15),
        ("+86 {a}{b}{c}", 6),
        ("+86-{a}-{b}-{c}", 4),
        ("(+86) {a} {b} {c}", 3),
        ("0086 {a} {b} {c}", 2),
    ]
)
_CN_LANDLINE_FORMATS = _weighted(
    [
        ("0{area}-{l1}{l2}", 30),
        ("0{area}-{l1} {l2}", 20),
        ("(0{area}) {l1}{l2}", 15),
        ("+86 {area} {l1} {l2}", 15),
        ("0{area} {l1}{l2}", 15),
        ("+86-{area}-{l1}{l2}", 5),
    ]
)
_EMAIL_FREE_ZH = _weighted(
    [
        ("163.com", 5),
        ("qq.com", 6),
        ("126.com", 2),
        ("sina.com", 1),
        ("outlook.com", 1),
        ("foxmail.com", 1),
    ]
)
_EMAIL_FREE_EN = _weighted(
    [("gmail.com", 6), ("outlook.com", 3), ("yahoo.com", 2), ("icloud.com", 2), ("hotmail.com", 1)]
)
_TITLES_ZH = _words(
    "总经理 副总经理 采购经理 采购专员 销售总监 财务经理 行政主管 技术总监 董事长 项目经理"
)
_TITLES_EN = [
    "CEO",
    "Purchasing Manager",
    "Procurement Lead",
    "Sales Director",
    "CFO",
    "Office Manager",
    "CTO",
    "Project Manager",
    "Operations Manager",
    "Founder",
    "Buyer",
]
_NOTES_ZH = [
    "对产品价格比较敏感，需要多次沟通。",
    "老客户介绍，合作意向强。",
    "年底有采购计划，预算约{n}万元。",
    "联系人经常出差，建议下午联系。",
    "关注交货周期和售后服务。",
    "需要开具增值税专用发票。",
    "去年在展会上认识，对新品感兴趣。",
]
_NOTES_EN = [
    "Price-sensitive; wants volume discounts.",
    "Referred by an existing customer.",
    "Budget review in Q{q}; follow up before then.",
    "Prefers e-mail over phone calls.",
    "Interested in a long-term supply agreement.",
    "Met at the trade show; asked for samples.",
]
_SUBJECTS = {
    "phone": (
        ["电话回访", "电话沟通报价", "确认交货时间", "电话了解需求"],
        ["Follow-up call", "Pricing call", "Delivery check-in", "Discovery call"],
    ),
    "email": (
        ["发送报价单", "发送产品资料", "邮件确认合同条款"],
        ["Sent quotation", "Sent product brochure", "Contract terms e-mail"],
    ),
    "visit": (
        ["上门拜访", "现场演示", "工厂参观"],
        ["On-site visit", "Product demo on site", "Factory tour"],
    ),
    "meeting": (
        ["商务洽谈会议", "方案评审会", "季度业务回顾"],
        ["Business meeting", "Proposal review", "Quarterly business review"],
    ),
    "message": (
        ["微信沟通需求", "发送样品照片", "微信确认订单"],
        ["Chat about requirements", "Sent sample photos", "Order confirmation chat"],
    ),
    "other": (["寄送样品", "节日问候"], ["Sample shipment", "Holiday greetings"]),
}
_OUTCOMES_ZH = [
    "客户有意向，等待预算审批。",
    "已确认需求，下周发报价。",
    "客户暂无需求。",
    "约定下次拜访时间。",
    "价格需要再商议。",
    "客户对样品满意。",
]
_OUTCOMES_EN = [
    "Interested; waiting for budget approval.",
    "Requirements confirmed; quote next week.",
    "No need at the moment.",
    "Agreed on the next visit.",
    "Price needs more discussion.",
    "Happy with the samples.",
]
_PRODUCTS = [
    ("工业传感器", "industrial sensors"),
    ("包装材料", "packaging materials"),
    ("办公家具", "office furniture"),
    ("服务器", "servers"),
    ("ERP系统", "ERP licences"),
    ("LED照明", "LED lighting"),
    ("注塑模具", "injection moulds"),
    ("物流服务", "freight services"),
    ("电子元器件", "electronic components"),
    ("员工培训", "staff training"),
    ("食品原料", "food ingredients"),
    ("检测设备", "test equipment"),
]
_LOST_REASONS = (
    ["价格太高", "选择了竞争对手", "预算取消", "需求变更"],
    ["Price too high", "Chose a competitor", "Budget cancelled", "Requirements changed"],
)
_TAGS = _words(
    "重点客户|老客户|新客户|经销商|代理商|展会2025|展会2026|华南区|华东区|华北区|西南区|政府采购|"
    "价格敏感|待回款|长期合作|潜在大客户|样品已寄|需要发票|VIP|Key account|Distributor|Reseller|"
    "Trade show 2025|Newsletter|Enterprise|SMB|Partner|Overseas|Strategic|At risk",
    "|",
)
_TAG_COLORS = ["#e53935", "#fb8c00", "#fdd835", "#43a047", "#00897b", "#1e88e5", "#8e24aa"]
_PAYMENT_TERMS = ["预付款 Prepaid", "月结30天 Net 30", "月结60天 Net 60", "货到付款 COD"]
# (username, display name, role, e-mail); the workspace's own owner is already there.
_USERS = [
    ("li.na", "李娜", "manager", "li.na@demo.example"),
    ("david.chen", "David Chen", "manager", "david.chen@demo.example"),
    ("wang.lei", "王磊", "sales", "wang.lei@demo.example"),
    ("chen.jing", "陈静", "sales", "chen.jing@demo.example"),
    ("emily.johnson", "Emily Johnson", "sales", "emily.johnson@demo.example"),
    ("liu.yang", "刘洋", "sales", "liu.yang@demo.example"),
    ("zhao.min", "赵敏", "service", "zhao.min@demo.example"),
    ("sarah.lee", "Sarah Lee", "service", "sarah.lee@demo.example"),
]
_OWNER_WEIGHT = {"owner": 3, "manager": 6, "sales": 20, "service": 2}
_STATUS = _weighted([("lead", 25), ("prospect", 25), ("active", 30), ("dormant", 12), ("lost", 8)])
# Done follow-ups per customer are int(random() * spread): mean about 2.4 over all customers.
_DONE_SPREAD = {"lead": 2, "prospect": 5, "active": 10, "dormant": 6, "lost": 5}
_PLANNED_CHANCE = {"lead": 0.6, "prospect": 0.6, "active": 0.6, "dormant": 0.1, "lost": 0.0}
_TIERS = _weighted([("A", 20), ("B", 35), ("C", 30), ("VIP", 5), (None, 10)])
_SOURCES = _weighted(
    [
        ("referral", 25),
        ("website", 20),
        ("exhibition", 15),
        ("cold_call", 15),
        ("advertising", 8),
        ("social", 10),
        ("other", 5),
        (None, 2),
    ]
)
_CHANNELS = _weighted(
    [("phone", 40), ("email", 20), ("message", 18), ("visit", 10), ("meeting", 8), ("other", 4)]
)
_OPPORTUNITIES_PER_CUSTOMER = _weighted([(0, 62), (1, 28), (2, 8), (3, 2)])
_STAGE_WEIGHTS = [25, 18, 15, 10, 20, 12]  # by stage position; extra stages weigh 10
_REMIND_BEFORE = _weighted([(None, 30), (0, 20), (15 * MINUTE_US, 25), (HOUR_US, 15), (DAY_US, 10)])

_CUSTOMER_COLUMNS = _words(
    "id kind name company phone phone_normalized email email_normalized address region city "
    "industry source tier status owner_id birthday gender notes last_contact_at "
    "next_followup_at created_at updated_at"
)
_CONTACT_COLUMNS = _words(
    "id customer_id name title phone phone_normalized email messaging_id is_primary "
    "created_at updated_at"
)
_OPPORTUNITY_COLUMNS = _words(
    "id title customer_id amount_minor currency stage_id probability expected_close source "
    "owner_id status lost_reason closed_at stage_changed_at notes created_at updated_at"
)
_HISTORY_COLUMNS = _words("id opportunity_id from_stage_id to_stage_id changed_at user_id")
_FOLLOWUP_COLUMNS = _words(
    "id customer_id contact_id opportunity_id channel subject notes outcome status owner_id "
    "occurred_at due_at remind_at completed_at created_at updated_at"
)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608


# --- generation ---------------------------------------------------------------------------


class _Stage(NamedTuple):
    id: str
    kind: str
    default_probability: int


class _Person(NamedTuple):
    name: str
    given: str  # romanised, lower case, for e-mail addresses
    family: str
    gender: str


@dataclass
class _Rows:
    """The rows of one chunk, table by table, in insertion order."""

    customers: list[Row] = field(default_factory=list)
    contacts: list[Row] = field(default_factory=list)
    customer_tags: list[Row] = field(default_factory=list)
    custom_values: list[Row] = field(default_factory=list)
    opportunities: list[Row] = field(default_factory=list)
    stage_history: list[Row] = field(default_factory=list)
    followups: list[Row] = field(default_factory=list)

    def count(self) -> int:
        return sum(len(rows) for rows in vars(self).values())


class _Clock:
    """Times as integer microseconds since midnight UTC ``HISTORY_DAYS + 31`` days ago,
    formatted into the stored text form through precomputed day and time-of-day tables."""

    def __init__(self, now: datetime) -> None:
        now = now.astimezone(UTC)
        start = datetime(now.year, now.month, now.day, tzinfo=UTC) - timedelta(
            days=HISTORY_DAYS + 31
        )
        self.now = (now - start) // timedelta(microseconds=1)
        self.history_start = self.now - HISTORY_DAYS * DAY_US
        first = start.date()
        self._days = [(first + timedelta(days=d)).isoformat() for d in range(HISTORY_DAYS + 1500)]
        self._hms = [
            f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)
        ]
        self._birth_base = date(1958, 1, 1)

    def text(self, t: int) -> str:
        day, rest = divmod(t, DAY_US)
        second, micro = divmod(rest, 1_000_000)
        return f"{self._days[day]} {self._hms[second]}.{micro:06d}"

    def date_text(self, t: int) -> str:
        return self._days[t // DAY_US]

    def birthday(self, days_after_1958: int) -> str:
        return (self._birth_base + timedelta(days=days_after_1958)).isoformat()


def _uuid(rng: random.Random) -> str:
    """A random (version 4) UUID from the seeded stream, as text; faster than ``uuid.UUID``."""
    bits = rng.getrandbits(128)
    bits = (bits & ~(0xF000 << 64)) | (0x4000 << 64)  # version 4
    bits = (bits & ~(0xC000 << 48)) | (0x8000 << 48)  # RFC 4122 variant
    h = f"{bits:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class _Generator:
    """Makes the rows of successive chunks from one random stream."""

    def __init__(
        self,
        rng: random.Random,
        *,
        clock: _Clock,
        owners: list[str],
        helpers: list[str],
        stages: list[_Stage],
        tag_ids: list[str],
        field_ids: tuple[str, str],
        followup_scale: float = 1.0,
    ) -> None:
        self.rng = rng
        self.done_spread = {k: v * followup_scale for k, v in _DONE_SPREAD.items()}
        self.r = rng.random
        self.clock = clock
        self.owners = owners
        self.helpers = helpers
        self.stages = _weighted(
            [
                (s, _STAGE_WEIGHTS[i] if i < len(_STAGE_WEIGHTS) else 10)
                for i, s in enumerate(stages)
            ]
        )
        self.tag_ids = tag_ids
        self.field_ids = field_ids

    def uuid(self) -> str:
        return _uuid(self.rng)

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.r() * len(items))]

    def digits(self, n: int) -> str:
        return f"{int(self.r() * 10**n):0{n}d}"

    def working_time(self, lo: int, hi: int) -> int:
        """A time between ``lo`` and ``hi`` moved into office hours in China (01–11 h UTC)."""
        t = lo + int(self.r() * max(hi - lo, 1))
        day = t - t % DAY_US
        moved = day + HOUR_US + int(self.r() * 10 * HOUR_US)
        return moved if lo <= moved <= hi else t

    # --- people, places, phones ---------------------------------------------------------

    def chinese_person(self) -> _Person:
        family, family_py = self.pick(_SURNAMES)
        male = self.r() < 0.5
        pool = _GIVEN_MALE if male else _GIVEN_FEMALE
        given, given_py = self.pick(pool)
        if self.r() < 0.6:
            second, second_py = self.pick(pool)
            given, given_py = given + second, given_py + second_py
        return _Person(family + given, given_py, family_py, "male" if male else "female")

    def english_person(self) -> _Person:
        male = self.r() < 0.5
        first = self.pick(_FIRST_MALE if male else _FIRST_FEMALE)
        last = self.pick(_LAST)
        return _Person(
            f"{first} {last}",
            first.lower(),
            last.lower().replace("'", ""),
            "male" if male else "female",
        )

    def mobile(self, place: _Place) -> tuple[str, str]:
        country = place.country
        if country == "cn":
            d = self.pick(_CN_MOBILE) + self.digits(8)
            text = self.pick(_CN_MOBILE_FORMATS).format(a=d[:3], b=d[3:7], c=d[7:])
            return text, "+86" + d
        if country == "uk":
            n = self.pick(("77", "78", "79")) + self.digits(8)
            return self.pick(("+44 {a} {b}", "+44 (0){a} {b}", "+44{a}{b}")).format(
                a=n[:4], b=n[4:]
            ), "+44" + n
        if country == "au":
            n = "4" + self.digits(8)
            return f"+61 {n[:3]} {n[3:6]} {n[6:]}", "+61" + n
        if country == "sg":
            n = self.pick(("8", "9")) + self.digits(7)
            return f"+65 {n[:4]} {n[4:]}", "+65" + n
        return self.landline(place)

    def landline(self, place: _Place) -> tuple[str, str]:
        country, area = place.country, place.area
        if country == "cn":
            local = str(2 + int(self.r() * 7)) + self.digits(7)
            text = self.pick(_CN_LANDLINE_FORMATS).format(area=area, l1=local[:4], l2=local[4:])
            return text, "+86" + area + local
        if country in ("us", "ca"):
            ex, line = str(200 + int(self.r() * 800)), self.digits(4)
            text = self.pick(
                ("+1 ({a}) {e}-{l}", "+1 {a}-{e}-{l}", "+1.{a}.{e}.{l}", "+1{a}{e}{l}")
            ).format(a=area, e=ex, l=line)
            return text, "+1" + area + ex + line
        if country == "uk":
            if len(area) == 2:
                local = self.pick(("3", "7", "8")) + self.digits(7)
                return f"+44 {area} {local[:4]} {local[4:]}", "+44" + area + local
            local = str(2 + int(self.r() * 7)) + self.digits(6)
            return f"+44 {area} {local[:3]} {local[3:]}", "+44" + area + local
        if country == "au":
            local = str(8 + int(self.r() * 2)) + self.digits(7)
            return f"+61 {area} {local[:4]} {local[4:]}", "+61" + area + local
        local = area + self.digits(7)  # Singapore: 8 digits, landlines start with 6
        return f"+65 {local[:4]} {local[4:]}", "+65" + local

    def address(self, place: _Place, chinese: bool) -> str:
        if place.country == "cn":
            head = place.city if place.region == place.city else place.region + place.city
            r = self.r
            text = f"{head}{self.pick(place.districts)}{self.pick(_ROADS_ZH)}{1 + int(r() * 300)}号"
            if r() < 0.5:
                text += f"{1 + int(r() * 12)}栋{1 + int(r() * 30)}0{1 + int(r() * 9)}室"
            return text
        number = 1 + int(self.r() * 2000)
        text = f"{number} {self.pick(_STREETS_EN)} {self.pick(_STREET_KINDS)}"
        if not chinese and self.r() < 0.4:
            text += f", Suite {100 + int(self.r() * 900)}"
        return text

    def chunk(self, size: int) -> _Rows:
        rows = _Rows()
        for _ in range(size):
            self.customer(rows)
        return rows

    # --- one customer with everything that hangs off it ---------------------------------

    def customer(self, rows: _Rows) -> None:  # noqa: PLR0912, PLR0915 - one record, many fields
        r, pick, clock = self.r, self.pick, self.clock
        cid = self.uuid()
        chinese = r() < 0.6
        if chinese:
            place = pick(_PLACES_CN) if r() < 0.97 else pick(_PLACES_EN)
        else:
            place = pick(_PLACES_EN) if r() < 0.75 else pick(_PLACES_CN)
        company_kind = r() < 0.7
        word_zh, industry_zh, word_en, industry_en = pick(_INDUSTRIES)
        industry: str | None = industry_zh if chinese else industry_en
        person = self.chinese_person() if chinese else self.english_person()
        gender: str | None = None
        birthday: str | None = None
        domain: str | None = None
        company: str | None
        if company_kind:
            if chinese:
                brand, brand_py = pick(_BRANDS_ZH)
                name = brand + word_zh
                suffix = pick(_COMPANY_SUFFIX_ZH)
                if word_zh == "科技" and suffix == "科技有限公司":
                    suffix = "有限公司"
                city = place.city if place.country == "cn" and r() < 0.7 else ""
                company = f"{city}{name}{suffix}"
                domain = f"{brand_py}{'-' + str(int(r() * 90) + 10) if r() < 0.3 else ''}.com.cn"
            else:
                brand = pick(_BRANDS_EN) if r() < 0.8 else f"{person.name.split()[-1]} & Sons"
                name = f"{brand} {word_en}"
                company = f"{name} {pick(_COMPANY_SUFFIX_EN[place.country])}"
                domain = "".join(ch for ch in brand.lower() if ch.isalnum()) + ".com"
        else:
            name = person.name
            company = None
            gender = person.gender
            if r() < 0.7:
                birthday = clock.birthday(int(r() * 42 * 365))
            if r() < 0.5:
                industry = None
        if company_kind:
            phone = self.landline(place) if r() < 0.6 else self.mobile(place)
        else:
            phone = self.mobile(place)
        if r() < 0.05:
            phone = (None, None)  # type: ignore[assignment]
        email = self.email(person, domain, chinese, generic=company_kind)
        status = pick(_STATUS)
        created = clock.history_start + int(math.sqrt(r()) * (HISTORY_DAYS * DAY_US - HOUR_US))
        if status == "dormant" and created > clock.now - 120 * DAY_US:
            status = "prospect"
        owner = pick(self.owners)
        source = pick(_SOURCES)
        notes = None
        if r() < 0.4:
            notes = (
                pick(_NOTES_ZH).format(n=5 + int(r() * 95))
                if chinese
                else pick(_NOTES_EN).format(q=1 + int(r() * 4))
            )
        contacts = (
            self.contacts(rows, cid, place=place, domain=domain, chinese=chinese, created=created)
            if company_kind
            else []
        )
        opportunities = self.opportunities(
            rows, cid, chinese=chinese, created=created, owner=owner, source=source
        )
        last, upcoming, touched = self.followups(
            rows,
            cid,
            chinese=chinese,
            status=status,
            created=created,
            owner=owner,
            contacts=contacts,
            opportunities=opportunities,
        )
        self.tags_and_fields(rows, cid, created)
        rows.customers.append(
            (
                cid,
                "company" if company_kind else "individual",
                name,
                company,
                phone[0],
                phone[1],
                email,
                email.lower() if email else None,
                self.address(place, chinese) if r() < 0.8 else None,
                place.region,
                place.city,
                industry,
                source,
                pick(_TIERS),
                status,
                owner,
                birthday,
                gender,
                notes,
                clock.text(last) if last is not None else None,
                clock.text(upcoming) if upcoming is not None else None,
                clock.text(created),
                clock.text(max(created, touched)),
            )
        )

    def email(
        self, person: _Person, domain: str | None, chinese: bool, *, generic: bool
    ) -> str | None:
        r = self.r
        if r() < 0.25:
            return None
        if generic and domain is not None:
            return f"{self.pick(('info', 'sales', 'service', 'contact', 'Sales'))}@{domain}"
        if chinese and r() < 0.35:
            return f"{10_000_000 + int(r() * 2_000_000_000)}@qq.com"
        given, family = person.given, person.family
        local = self.pick(
            (
                f"{given}.{family}",
                f"{family}{given}",
                f"{given[0]}{family}",
                f"{family}.{given}{int(r() * 100)}",
            )
        )
        if r() < 0.15:
            local = local.capitalize()
        return f"{local}@{self.pick(_EMAIL_FREE_ZH if chinese else _EMAIL_FREE_EN)}"

    def contacts(
        self,
        rows: _Rows,
        cid: str,
        *,
        place: _Place,
        domain: str | None,
        chinese: bool,
        created: int,
    ) -> list[str]:
        r, pick, clock = self.r, self.pick, self.clock
        ids: list[str] = []
        stamp = clock.text(created)
        for position in range(int(r() * 4)):
            person = self.chinese_person() if chinese else self.english_person()
            phone, normalized = self.mobile(place) if r() < 0.9 else (None, None)
            email = None
            if domain is not None and r() < 0.7:
                local = (
                    person.given + "." + person.family
                    if not chinese
                    else (person.family + person.given)
                )
                email = f"{local}@{domain}"
            messaging = None
            if chinese and r() < 0.7:
                messaging = (
                    f"wxid_{self.rng.getrandbits(48):012x}"
                    if r() < 0.5
                    else f"{person.family}{person.given}{int(r() * 1000)}"
                )
            elif not chinese and r() < 0.2:
                messaging = f"teams:{person.given}.{person.family}"
            contact_id = self.uuid()
            ids.append(contact_id)
            rows.contacts.append(
                (
                    contact_id,
                    cid,
                    person.name,
                    pick(_TITLES_ZH if chinese else _TITLES_EN),
                    phone,
                    normalized,
                    email,
                    messaging,
                    position == 0,
                    stamp,
                    stamp,
                )
            )
        return ids

    def opportunities(
        self,
        rows: _Rows,
        cid: str,
        *,
        chinese: bool,
        created: int,
        owner: str,
        source: str | None,
    ) -> list[tuple[str, int]]:
        r, pick, clock = self.r, self.pick, self.clock
        made: list[tuple[str, int]] = []
        for _ in range(pick(_OPPORTUNITIES_PER_CUSTOMER)):
            oid = self.uuid()
            stage = pick(self.stages)
            opened = self.working_time(created, clock.now)
            stamp = clock.text(opened)
            product_zh, product_en = pick(_PRODUCTS)
            if chinese:
                title = product_zh + pick(("采购项目", "供货合同", "升级改造"))
            else:
                title = pick(
                    (
                        f"{product_en.capitalize()} supply contract",
                        f"Annual order – {product_en}",
                        f"{product_en.capitalize()} upgrade",
                    )
                )
            usd = r() < (0.03 if chinese else 0.65)
            low, high = (1_000, 300_000) if usd else (5_000, 2_000_000)
            units = round(math.exp(math.log(low) + r() * math.log(high / low)), -2)
            probability = None
            status, closed, lost_reason, close_on = "open", None, None, opened
            if stage.kind == "open":
                close_on = opened + (14 + int(r() * 166)) * DAY_US
                if r() < 0.12:
                    probability = max(5, min(95, stage.default_probability + 5 * int(r() * 5) - 10))
            else:
                status, closed = stage.kind, stamp
                if stage.kind == "lost":
                    lost_reason = pick(_LOST_REASONS[0] if chinese else _LOST_REASONS[1])
            deal_owner = owner if r() < 0.9 else pick(self.owners)
            rows.opportunities.append(
                (
                    oid,
                    title,
                    cid,
                    int(units) * 100,
                    "USD" if usd else "CNY",
                    stage.id,
                    probability,
                    clock.date_text(close_on),
                    source,
                    deal_owner,
                    status,
                    lost_reason,
                    closed,
                    stamp,
                    None,
                    stamp,
                    stamp,
                )
            )
            rows.stage_history.append((self.uuid(), oid, None, stage.id, stamp, deal_owner))
            made.append((oid, opened))
        return made

    def followups(
        self,
        rows: _Rows,
        cid: str,
        *,
        chinese: bool,
        status: str,
        created: int,
        owner: str,
        contacts: list[str],
        opportunities: list[tuple[str, int]],
    ) -> tuple[int | None, int | None, int]:
        """Add the customer's follow-ups; return (last done, first planned, last touched)."""
        r, pick, clock = self.r, self.pick, self.clock
        now = clock.now
        last: int | None = None
        upcoming: int | None = None
        touched = created
        lang = 0 if chinese else 1
        done_until = now - 90 * DAY_US if status == "dormant" else now - HOUR_US
        planned = 1 if r() < _PLANNED_CHANCE[status] else 0
        cancelled = 1 if r() < 0.1 else 0
        for n in range(int(r() * self.done_spread[status]) + planned + cancelled):
            channel = pick(_CHANNELS)
            subject = pick(_SUBJECTS[channel][lang])
            contact = pick(contacts) if contacts and r() < 0.5 else None
            who = owner if r() < 0.85 else pick(self.helpers)
            notes = None
            if r() < 0.2:
                notes = pick(_NOTES_ZH if chinese else _NOTES_EN).format(
                    n=5 + int(r() * 95), q=1 + int(r() * 4)
                )
            occurred = due = remind = completed = None
            if n < planned:
                state, outcome = "planned", None
                overdue = r() < 0.15
                due_t = (
                    self.working_time(max(created, now - 21 * DAY_US), now)
                    if overdue
                    else self.working_time(now, now + 30 * DAY_US)
                )
                made = max(created, min(due_t, now) - int(r() * 14 * DAY_US))
                before = pick(_REMIND_BEFORE)
                if before is not None:
                    remind = clock.text(due_t - before)
                due = clock.text(due_t)
                upcoming = due_t if upcoming is None else min(upcoming, due_t)
                changed = made
            elif n < planned + cancelled:
                state, outcome = "cancelled", None
                due_t = self.working_time(created, now)
                made = max(created, due_t - int(r() * 7 * DAY_US))
                due = clock.text(due_t)
                changed = min(now, due_t + int(r() * DAY_US))
            else:
                state = "done"
                outcome = pick(_OUTCOMES_ZH if chinese else _OUTCOMES_EN) if r() < 0.7 else None
                at = self.working_time(created, max(created, done_until))
                made = at
                changed = min(now, at + int(r() * 2 * HOUR_US))
                occurred, completed = clock.text(at), clock.text(changed)
                last = at if last is None else max(last, at)
            opportunity = None
            if opportunities and r() < 0.3:
                oid, opened = pick(opportunities)
                if opened <= made:
                    opportunity = oid
            touched = max(touched, changed)
            rows.followups.append(
                (
                    self.uuid(),
                    cid,
                    contact,
                    opportunity,
                    channel,
                    subject,
                    notes,
                    outcome,
                    state,
                    who,
                    occurred,
                    due,
                    remind,
                    completed,
                    clock.text(made),
                    clock.text(changed),
                )
            )
        return last, upcoming, touched

    def tags_and_fields(self, rows: _Rows, cid: str, created: int) -> None:
        r = self.r
        if r() < 0.3:
            count = 1 if r() < 0.6 else (2 if r() < 0.75 else 3)
            for tag_id in {self.pick(self.tag_ids) for _ in range(count)}:
                rows.customer_tags.append((cid, tag_id))
        if r() < 0.25:
            rows.custom_values.append((cid, self.field_ids[0], self.pick(_PAYMENT_TERMS)))
        if r() < 0.15:
            expiry = self.clock.date_text(created + int((200 + r() * 900) * DAY_US))
            rows.custom_values.append((cid, self.field_ids[1], expiry))


# --- the fixed rows and the writing -------------------------------------------------------


def _seed_fixed_rows(cur: Any, rng: random.Random, clock: _Clock) -> tuple[list[str], list[str]]:
    """Users, tags and custom field definitions; returns (tag ids, custom field ids)."""
    r = rng.random
    made = clock.text(clock.history_start - 10 * DAY_US)
    users = [(_uuid(rng), *u, True, made, made, None) for u in _USERS]
    cur.executemany(
        "INSERT INTO users (id, username, display_name, role, email, active, created_at, "
        "updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        users,
    )
    tags = [
        (_uuid(rng), name, _TAG_COLORS[i % len(_TAG_COLORS)] if r() < 0.8 else None, made, made)
        for i, name in enumerate(_TAGS)
    ]
    cur.executemany(_insert_sql("tags", ("id", "name", "color", "created_at", "updated_at")), tags)
    fields = [
        (
            _uuid(rng),
            "customer",
            "付款方式 Payment terms",
            "choice",
            json.dumps(_PAYMENT_TERMS, ensure_ascii=False),
            0,
            made,
            made,
        ),
        (_uuid(rng), "customer", "合同到期 Contract expiry", "date", None, 1, made, made),
    ]
    cur.executemany(
        _insert_sql(
            "custom_field_defs",
            (
                "id",
                "entity",
                "name",
                "field_type",
                "choices",
                "position",
                "created_at",
                "updated_at",
            ),
        ),
        fields,
    )
    return [t[0] for t in tags], [f[0] for f in fields]


def _write(cur: Any, rows: _Rows) -> None:
    """Insert one chunk inside the caller's transaction.

    Contacts go in before their customers, so that the search-index triggers (migration 0002)
    compute each customer's document once, with its contacts, instead of once for the customer
    and again for every contact: a contact's trigger finds no customer yet and does nothing.
    """
    cur.executemany(_insert_sql("contacts", _CONTACT_COLUMNS), rows.contacts)
    cur.executemany(_insert_sql("customers", _CUSTOMER_COLUMNS), rows.customers)
    cur.executemany(_insert_sql("customer_tags", ("customer_id", "tag_id")), rows.customer_tags)
    cur.executemany(
        _insert_sql("custom_field_values", ("record_id", "field_id", "value")), rows.custom_values
    )
    cur.executemany(_insert_sql("opportunities", _OPPORTUNITY_COLUMNS), rows.opportunities)
    cur.executemany(_insert_sql("stage_history", _HISTORY_COLUMNS), rows.stage_history)
    cur.executemany(_insert_sql("followups", _FOLLOWUP_COLUMNS), rows.followups)


def _stages(conn: RawConnection) -> list[_Stage]:
    """The pipeline stages in order, after checking that the file has no customers yet."""
    if conn.execute("SELECT count(*) FROM customers").fetchone()[0]:
        raise ValueError("demo data goes into a new, empty database")
    stages = [
        _Stage(*row)
        for row in conn.execute(
            "SELECT id, kind, default_probability FROM stages WHERE deleted_at IS NULL "
            "ORDER BY position"
        )
    ]
    if not stages:
        raise ValueError("the database has no pipeline stages")
    return stages


@contextmanager
def _bulk_load(conn: RawConnection) -> Iterator[Any]:
    """A cursor with settings for the load, put back afterwards (the connection is pooled).

    Foreign keys are off while loading: the rows are consistent by construction, and with
    them on, inserting contacts before their customers (see ``_write``) would make SQLite scan
    the follow-ups for every contact. A larger page cache keeps the indexes' hot pages.
    """
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"PRAGMA cache_size = {-LOAD_CACHE_KIB}")
    cur = conn.cursor()
    try:
        yield cur
    finally:
        cur.close()
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def _transaction(cur: Any) -> Iterator[None]:
    cur.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")


def generate_demo(
    db: Database,
    customers: int,
    seed: int = 1,
    progress: Progress | None = None,
    *,
    now: datetime | None = None,
    chunk: int = CHUNK,
    followup_scale: float = 1.0,
) -> int:
    """Fill a new workspace with ``customers`` demo customers and their records.

    ``now`` anchors the two years of history (default: the current time); the same seed and
    ``now`` give the same rows. ``followup_scale`` multiplies the number of done follow-ups
    per customer (about 3 per customer at 1.0; the benchmarks use more). Calls
    ``progress(done, total)`` after each committed chunk.
    Returns the number of rows inserted.
    """
    rng = random.Random(seed)
    clock = _Clock(now or utcnow())
    conn = db.raw_connection()
    try:
        stages = _stages(conn)
        with _bulk_load(conn) as cur:
            with _transaction(cur):
                tag_ids, field_ids = _seed_fixed_rows(cur, rng, clock)
                users = list(
                    cur.execute(
                        "SELECT id, role FROM users WHERE deleted_at IS NULL "
                        "ORDER BY created_at, id"
                    )
                )
            gen = _Generator(
                rng,
                clock=clock,
                owners=_weighted([(uid, _OWNER_WEIGHT.get(role, 1)) for uid, role in users]),
                helpers=[uid for uid, role in users if role in ("sales", "service")],
                stages=stages,
                tag_ids=tag_ids,
                field_ids=(field_ids[0], field_ids[1]),
                followup_scale=followup_scale,
            )
            inserted = len(_USERS) + len(tag_ids) + len(field_ids)
            sizes = [min(chunk, customers - start) for start in range(0, customers, chunk)]
            done = 0
            if progress is not None:
                progress(0, customers)
            # One worker makes the next chunk while this thread writes the current one: SQLite
            # releases the GIL while it works, so generation and writing overlap on two cores.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo") as pool:
                future = pool.submit(gen.chunk, sizes[0] if sizes else 0)
                for i, size in enumerate(sizes):
                    rows = future.result()
                    if i + 1 < len(sizes):
                        future = pool.submit(gen.chunk, sizes[i + 1])
                    with _transaction(cur):
                        _write(cur, rows)
                    done += size
                    inserted += rows.count()
                    if progress is not None:
                        progress(done, customers)
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return inserted
