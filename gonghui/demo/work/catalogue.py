"""What the plan items of the shipped templates turn into in the ledger, in the words of the source summaries.

A rule matches a plan item by words of its title. An item no rule turns
into ledger entries (writing the plan, keeping the files, coverage targets
counted in 家 or 名) is ticked done by its union instead, or left behind.
"""

from dataclasses import dataclass

from gonghui.ledger.models import ActivityKind


@dataclass(frozen=True)
class Rule:
    words: tuple[str, ...]
    kind: str | None  # None: ticked done rather than entered in the ledger
    # Titles of the successive entries for one item; past the list, the item's own title with 第n期/次.
    titles: tuple[str, ...] = ()
    # The series each entry is a session of ("至今社区已经开展102期一小时讲堂活动"); "" for none.
    series: str = ""


TRAINING_TOPICS = ("生产安全", "食品安全", "红十字急救知识", "人事培训", "法律知识", "心理辅导", "生活教育", "卫生健康",
                   "消防安全", "职业病防治", "防范电信诈骗", "女职工权益保护")

RULES = (
    # Work that leaves no ledger entry of its own.
    Rule(("制定", "总结", "档案", "服务卡", "考核", "基层工会信息报道", "摸底", "动态管理", "管理制度", "台帐",
          "暑期生活", "新会员", "推荐", "评选", "评估", "迎接", "两贺四访", "五必访", "监督", "集体合同",
          "帮困基金", "医疗互助", "覆盖", "新建", "结对共建", "审计", "校务公开", "厂务公开", "作风建设",
          "自身建设", "合法权益", "劳动合同", "提案征集", "教工之家", "先锋号", "班组升级"), None),
    Rule(("例会",), ActivityKind.MEETING, ("工会委员会例会",)),
    Rule(("教代会", "教职工代表大会"), ActivityKind.MEETING, ("教职工代表大会",)),
    Rule(("工作会议",), ActivityKind.MEETING, ("全县工会工作会议",)),
    Rule(("座谈",), ActivityKind.MEETING, ("新教师座谈会暨“青蓝工程”师徒结对仪式",)),
    Rule(("大讨论",), ActivityKind.MEETING, ("“我为企业发展献计策、做贡献”大讨论动员会",)),
    Rule(("听取会员意见",), ActivityKind.MEETING, ("工会干部听取会员意见座谈会（上半年）", "工会干部听取会员意见座谈会（下半年）")),
    Rule(("技能比武",), ActivityKind.SKILL_CONTEST,
         ("女职工点钞技能比赛", "职工叉车技能比赛", "安全生产应急处置技能比武", "电工技能比武", "焊工技能比武")),
    Rule(("一小时课堂",), ActivityKind.TRAINING, tuple(f"“一小时课堂”送学上门：{topic}" for topic in TRAINING_TOPICS),
         series="一小时课堂"),
    Rule(("后备干部",), ActivityKind.TRAINING, ("企业后备干部培训班（第一期）", "企业后备干部培训班（第二期）"),
         series="企业后备干部培训班"),
    Rule(("免费培训",), ActivityKind.TRAINING,
         ("职工免费培训：电工上岗证", "职工免费培训：叉车操作", "职工免费培训：计算机应用", "职工免费培训：育婴员",
          "职工免费培训：中式面点"), series="职工免费培训"),
    Rule(("普法", "法治宣传"), ActivityKind.LEGAL_EDUCATION,
         ("普法宣传月：《劳动合同法》《女职工劳动保护特别规定》宣讲", "劳动法治宣传周集中宣传咨询活动")),
    Rule(("法律知识竞赛",), ActivityKind.LEGAL_EDUCATION, ("企业职工法律知识竞赛",)),
    Rule(("安康杯",), ActivityKind.COMPETITION, ("“安康杯”竞赛启动暨安全知识答题", "“安康杯”竞赛阶段检查评比")),
    Rule(("三零",), ActivityKind.COMPETITION, ("“三零”劳动竞赛启动会", "“三零”劳动竞赛季度评比")),
    Rule(("降本增效",), ActivityKind.COMPETITION, ("降本增效合理化建议征集评比",)),
    Rule(("三为",), ActivityKind.COMPETITION, ("“三为”主题劳动竞赛推进会", "“三为”主题劳动竞赛金点子评比")),
    Rule(("立功竞赛",), ActivityKind.COMPETITION, ("重点工程立功竞赛动员大会", "重点工程立功竞赛阶段讲评")),
    Rule(("送温暖",), ActivityKind.OTHER, ("元旦春节送温暖慰问困难职工",)),
    Rule(("夏送清凉", "高温慰问"), ActivityKind.OTHER, ("夏送清凉慰问一线职工",)),
    Rule(("金秋助学",), ActivityKind.OTHER, ("金秋助学金发放仪式",)),
    Rule(("疗休养", "体检"), ActivityKind.OTHER, ("一线职工免费健康体检",)),
    Rule(("暑期班",), ActivityKind.OTHER, ("外来务工人员子女暑期放心班",)),
    Rule(("慈善",), ActivityKind.OTHER, ("慈善一日捐", "捐衣捐书献爱心活动")),
    Rule(("考察",), ActivityKind.OTHER, ("会员外出学习考察（春季）", "会员外出学习考察（秋季）")),
    Rule(("三·八", "三八"), ActivityKind.FESTIVAL, ("庆祝“三·八”国际妇女节女职工插花活动",)),
    Rule(("五一",), ActivityKind.FESTIVAL, ("庆祝“五一”国际劳动节文艺晚会", "“五一”劳模先进事迹报告会")),
    Rule(("教师节",), ActivityKind.FESTIVAL, ("庆祝教师节暨优秀教师表彰会",)),
    Rule(("重阳", "老年节"), ActivityKind.FESTIVAL, ("重阳节慰问离退休教职工座谈会",)),
    Rule(("重要节日",), ActivityKind.FESTIVAL, ("迎新春职工联欢会", "庆“五一”职工文体活动", "国庆职工游园活动")),
    Rule(("运动会",), ActivityKind.CULTURE_SPORTS, ("春季职工趣味运动会", "秋季职工趣味运动会")),
    Rule(("羽毛球",), ActivityKind.CULTURE_SPORTS, ("职工羽毛球比赛", "职工游泳比赛", "职工乒乓球比赛")),
    Rule(("乒乓球",), ActivityKind.CULTURE_SPORTS, ("职工乒乓球比赛",)),
    Rule(("拔河",), ActivityKind.CULTURE_SPORTS, ("教职工拔河比赛",)),
    Rule(("书画",), ActivityKind.CULTURE_SPORTS, ("职工书画摄影作品展",)),
    Rule(("文体活动",), ActivityKind.CULTURE_SPORTS, ("组队参加上级工会职工篮球赛", "组队参加上级工会职工广场舞比赛")),
    Rule(("礼仪",), ActivityKind.STUDY, ("文明礼仪知识讲坛", "文明礼仪知识竞赛")),
    Rule(("案例分析",), ActivityKind.STUDY, ("典型故障案例分析交流会",)),
    Rule(("师说茶馆",), ActivityKind.STUDY, ("青年会员“师说茶馆”交流活动",)),
    Rule(("中国梦",), ActivityKind.STUDY, ("“中国梦·劳动美”主题教育报告会",)),
    Rule(("学习", "理论"), ActivityKind.STUDY, ("学习《工会法》和上级工会会议精神", "工会理论和《公司法》专题学习")),
    Rule(("园地",), ActivityKind.PUBLICITY, tuple(f"《员工活动园地》第{n}期" for n in range(1, 13)),
         series="《员工活动园地》"),
    Rule(("宣传", "平台"), ActivityKind.PUBLICITY, ("职工服务微信平台推广进企业", "工会工作宣传展板更新")),
)
# Plan targets in these units count ledger entries; others (家, 名, 份, 对) count something else.
ENTRY_UNITS = ("次", "期", "")


def rule_for(title: str, unit: str) -> Rule | None:
    if unit not in ENTRY_UNITS:
        return None
    rule = next((rule for rule in RULES if any(word in title for word in rule.words)), None)
    return rule if rule is not None and rule.kind is not None else None


def entry_title(rule: Rule, item_title: str, n: int) -> str:
    """The n-th (from 0) entry's title for one plan item."""
    if n < len(rule.titles):
        return rule.titles[n]
    base = rule.titles[-1] if rule.titles else item_title
    return base if n == 0 else f"{base}（第{n + 1}次）"


PLACES = {
    ActivityKind.MEETING: ("工会会议室", "三楼会议室", "职工之家"),
    ActivityKind.STUDY: ("职工书屋", "工会会议室", "多功能厅"),
    ActivityKind.CULTURE_SPORTS: ("职工活动中心", "篮球场", "体育馆", "文化广场"),
    ActivityKind.FESTIVAL: ("职工之家", "多功能厅", "文化广场"),
    ActivityKind.COMPETITION: ("生产车间", "项目现场", "多功能厅"),
    ActivityKind.SKILL_CONTEST: ("实训基地", "生产车间", "职工技能培训中心"),
    ActivityKind.TRAINING: ("职工学校", "多功能厅", "职工技能培训中心"),
    ActivityKind.LEGAL_EDUCATION: ("职工服务中心", "文化广场", "多功能厅"),
    ActivityKind.PUBLICITY: ("工会办公室",),
    ActivityKind.OTHER: ("职工服务中心", "职工家中", "工会办公室"),
}
# (listed participants, multiple of the listed for the head count) by kind: a meeting lists all who came.
TURNOUT = {
    ActivityKind.MEETING: ((5, 9), (1.0, 1.0)),
    ActivityKind.STUDY: ((12, 30), (1.0, 2.0)),
    ActivityKind.CULTURE_SPORTS: ((16, 40), (1.5, 4.0)),
    ActivityKind.FESTIVAL: ((15, 40), (1.5, 5.0)),
    ActivityKind.COMPETITION: ((10, 30), (2.0, 6.0)),
    ActivityKind.SKILL_CONTEST: ((8, 24), (1.0, 1.5)),
    ActivityKind.TRAINING: ((12, 35), (1.0, 1.2)),
    ActivityKind.LEGAL_EDUCATION: ((15, 40), (1.5, 4.0)),
    ActivityKind.PUBLICITY: ((0, 0), (0, 0)),
    ActivityKind.OTHER: ((6, 20), (1.0, 3.0)),
}
# What an entry cost, in yuan.
COST = {
    ActivityKind.MEETING: (0, 300), ActivityKind.STUDY: (0, 800), ActivityKind.CULTURE_SPORTS: (1500, 15000),
    ActivityKind.FESTIVAL: (2000, 20000), ActivityKind.COMPETITION: (2000, 30000), ActivityKind.SKILL_CONTEST: (3000, 20000),
    ActivityKind.TRAINING: (500, 3000), ActivityKind.LEGAL_EDUCATION: (500, 3000), ActivityKind.PUBLICITY: (0, 800),
    ActivityKind.OTHER: (2000, 40000),
}
RESULTS = {
    ActivityKind.MEETING: ("传达上级工会会议精神，研究部署近期工会工作", "审议通过工会经费收支情况报告", "通报上阶段工作，安排下阶段任务"),
    ActivityKind.STUDY: ("参学会员撰写心得体会", "会员学习笔记已归档", "组织集中学习并开展交流讨论"),
    ActivityKind.CULTURE_SPORTS: ("丰富了职工业余文化生活，增强了团队凝聚力", "评出团体和个人奖项，现场颁奖"),
    ActivityKind.FESTIVAL: ("营造了浓厚的节日氛围", "向职工发放节日慰问品", "表彰了一批先进个人"),
    ActivityKind.COMPETITION: ("征集合理化建议，采纳后节约成本", "评出先进班组和优胜个人", "排查整改安全隐患"),
    ActivityKind.SKILL_CONTEST: ("评出一、二、三等奖，获奖者推荐参加上级比赛", "以赛促学，提升了职工操作技能"),
    ActivityKind.TRAINING: ("课后问卷满意度高", "参训职工签到表已归档", "企业按需点课，授课60分钟"),
    ActivityKind.LEGAL_EDUCATION: ("发放宣传资料，现场解答职工法律咨询", "提高了职工依法维权意识"),
    ActivityKind.PUBLICITY: ("在厂区宣传栏和微信群发布", "关注人数持续增加"),
    ActivityKind.OTHER: ("活动资料已归档", "职工反响良好"),
}
