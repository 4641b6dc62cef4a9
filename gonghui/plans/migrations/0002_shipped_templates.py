"""The five plan templates shipped with the product, distilled from the five plans among the source summaries.

Each item is (area, title, months, target count, unit); months are 1..12, None is the whole year.
The data lives here, not in the app, so that later edits to the app cannot change what this migration did.
"""

from django.db import migrations

FULL_YEAR = None

SCHOOL = {
    "code": "school",
    "name": "学校教工会年度工作计划",
    "suited_for": "中小学校、幼儿园教职工工会",
    "guiding_ideas": (
        "团结动员全校教职工在推动学校发展、促进社会和谐中发挥主力军作用。积极转变观念，统一思想，紧紧围绕学校教学"
        "开展工作，服务大局、依法维权、情系职工，努力营造和谐、稳定的良好局面，为学校的健康稳定发展做出贡献。"
    ),
    "key_tasks": (
        "（一）不断提高学校民主管理水平，加强教代会工作，健全校务公开工作机制。\n"
        "（二）进一步加强师德建设，提高教职工师德素养。\n"
        "（三）加强工会工作日常管理，做到有计划、有制度、有台帐、有检查、有考核。\n"
        "（四）积极开展健康、和谐、丰富多彩的文体活动，维护教职工的精神文化权益。"
    ),
    "items": [
        ("self_construction", "总结上年度工会工作", [1], None, ""),
        ("self_construction", "制定本年度工会工作计划", [1], None, ""),
        ("care", "春节慰问、送温暖活动", [1], None, ""),
        ("self_construction", "召开工会委员会例会", [2], None, ""),
        ("ethics", "学习《工会法》和上级工会会议精神", [2], None, ""),
        ("self_construction", "建立、完善工会会员档案", [2], None, ""),
        ("self_construction", "完善教工之家管理制度", [2], None, ""),
        ("culture", "庆祝“三·八”妇女节", [3], None, ""),
        ("democratic", "召开教代会，落实教代会四项职权，民主评议干部", [3], 1, "次"),
        ("democratic", "推进校务公开：有计划、有总结、有检查、有考核", FULL_YEAR, None, ""),
        ("culture", "举办教职工趣味运动会", [4, 10], 2, "次"),
        ("culture", "工会职工乒乓球比赛", [4], 1, "次"),
        ("self_construction", "布置、完善“教工之家”", [4], None, ""),
        ("culture", "庆祝“五一”劳动节", [5], None, ""),
        ("ethics", "文明礼仪普及活动（礼仪知识讲坛、知识竞赛）", [5, 11], 2, "次"),
        ("self_construction", "总结上半年工作", [6], None, ""),
        ("culture", "暑期生活", [7, 8], None, ""),
        ("culture", "庆祝教师节", [9], None, ""),
        ("self_construction", "新会员入会，调整工会小组", [9], None, ""),
        ("ethics", "新教师座谈会，实施“青蓝工程”师徒结对", [9], 1, "次"),
        ("ethics", "师德评优，推荐县“十佳师德标兵”", [9], None, ""),
        ("care", "庆祝老年节（重阳），慰问离退休教职工", [10], None, ""),
        ("culture", "组织教职工书画展", [10], 1, "次"),
        ("culture", "迎接县学生运动会", [11], None, ""),
        ("care", "坚持“五必访”，组织教职工体检", FULL_YEAR, None, ""),
        ("culture", "教工拔河比赛", [12], 1, "次"),
        ("self_construction", "迎接县教育工会评估", [12], None, ""),
        ("self_construction", "加强工会台帐管理，建立网上电子档案", FULL_YEAR, None, ""),
        ("self_construction", "年终总结", [12], None, ""),
    ],
}

STREET = {
    "code": "street",
    "name": "街道（乡镇）总工会年度工作计划",
    "suited_for": "街道、乡镇总工会",
    "guiding_ideas": (
        "围绕街道中心工作，深化立功竞赛和职工技能素质提升，依法维护职工合法权益，扎实做好困难帮扶和职工服务，"
        "丰富职工文化生活，不断扩大工会组织覆盖面，推进工会规范化建设。"
    ),
    "key_tasks": (
        "一是深化立功竞赛提质增效，开展职工技能比武；\n二是发挥三级网络职工技能培训教育基地作用；\n"
        "三是加强普法宣传和劳动法律监督，推进工资集体协商；\n四是做好企业帮困基金、医疗互助和服务卡工作；\n"
        "五是开展主题教育和文体活动，加强信息报道；\n六是扩大组织覆盖，推进活力基层工会创建和财务规范化。"
    ),
    "items": [
        ("competition", "重点工程创先争优立功竞赛", FULL_YEAR, None, ""),
        ("competition", "企业“三为”主题劳动竞赛（为节约献计策、为增效献才智、为安全找隐患）", FULL_YEAR, None, ""),
        ("competition", "职工技能比武", [4, 6, 9, 11], 4, "期"),
        ("competition", "“一小时课堂”送学上门", FULL_YEAR, 12, "期"),
        ("competition", "企业后备干部培训班", [5, 6], 2, "期"),
        ("competition", "三级网络教育基地职工免费培训", [3, 5, 7, 9, 11], 5, "期"),
        ("rights", "普法宣传月、劳动法治宣传周法制宣传教育", [3, 12], 2, "次"),
        ("rights", "企业法律知识竞赛", [6], 1, "次"),
        ("rights", "劳动法律监督和劳动争议调处", FULL_YEAR, None, ""),
        ("rights", "区域集体合同暨工资集体协商", FULL_YEAR, 2, "份"),
        ("care", "元旦春节困难职工慰问（送温暖）", [1, 2], None, ""),
        ("care", "夏季高温慰问（夏送清凉）", [7, 8], None, ""),
        ("care", "金秋助学", [8, 9], None, ""),
        ("care", "企业帮困基金建设", FULL_YEAR, None, ""),
        ("care", "职工医疗互助参保", [11, 12], None, ""),
        ("care", "服务卡宣传发放和信息采集", FULL_YEAR, None, ""),
        ("care", "一线职工体检和疗休养", [5, 6, 7, 8, 9, 10], None, ""),
        ("care", "外来务工人员子女暑期班", [7, 8], 1, "期"),
        ("ethics", "“中国梦·劳动美”主题教育，“最美职工”评选", [4], 10, "名"),
        ("culture", "庆祝“五一”文艺晚会", [5], 1, "次"),
        ("culture", "职工羽毛球、游泳、乒乓球比赛", [5, 7, 10], 3, "次"),
        ("publicity", "制定《工会信息报道工作考核细则》", [1], None, ""),
        ("publicity", "基层工会信息报道", FULL_YEAR, None, ""),
        ("publicity", "推广职工服务微信平台", FULL_YEAR, None, ""),
        ("self_construction", "深化区域化社区工会建设", FULL_YEAR, None, ""),
        ("self_construction", "优秀企业工会与普通企业工会结对共建", [6], 7, "对"),
        ("self_construction", "活力基层工会创建", FULL_YEAR, 5, "家"),
        ("self_construction", "新建基层单建工会", FULL_YEAR, 8, "家"),
        ("self_construction", "工会财务规范化建设和社区工会财务审计", [10, 11], 4, "家"),
    ],
}

AGENCY = {
    "code": "agency",
    "name": "机关工会年度工作计划",
    "suited_for": "机关、事业单位工会",
    "guiding_ideas": (
        "贯彻落实上级工会的整体部署，不断创新机关工会工作，服务中心工作，努力打造学习型、服务型、创新型工会组织。"
    ),
    "key_tasks": (
        "一、强化学习机制，提高机关工会会员整体素质；\n二、齐心协力，加强基层服务型工会组织建设；\n"
        "三、急职工所急，想职工所想，把工会建成温暖的职工之家；\n四、开展活动，推动机关文化体育事业发展。"
    ),
    "items": [
        ("ethics", "组织开展学习宣传活动，提高思想政治素质和服务水平", FULL_YEAR, None, ""),
        ("democratic", "召开机关工会教职工代表大会，做好代表选举", [3], 1, "次"),
        ("democratic", "教职工代表提案征集", [2, 3], None, ""),
        ("ethics", "组织青年会员参加“师说茶馆”等活动", [4, 10], 2, "次"),
        ("ethics", "机关作风建设：强化学习、廉洁自律、做好服务", FULL_YEAR, None, ""),
        ("self_construction", "工会干部深入处室听取会员意见（“三心”“四种能力”）", FULL_YEAR, None, ""),
        ("publicity", "围绕机关中心工作加强工会宣传", FULL_YEAR, None, ""),
        ("self_construction", "对照量化考核指标，提高工会工作水平", [12], None, ""),
        ("care", "困难会员摸底，建立联系", [3], None, ""),
        ("care", "“两贺四访”，帮扶生病或有特殊困难的会员", FULL_YEAR, None, ""),
        ("care", "慈善一日捐、结对帮扶、捐衣捐书", [6, 12], 2, "次"),
        ("culture", "三八妇女节主题活动", [3], 1, "次"),
        ("culture", "教师节主题活动", [9], 1, "次"),
        ("culture", "组织会员参加上级工会文体活动", FULL_YEAR, None, ""),
        ("culture", "外出考察活动", [5, 10], 2, "次"),
    ],
}

ENTERPRISE = {
    "code": "enterprise",
    "name": "企业工会年度工作计划",
    "suited_for": "企业工会",
    "guiding_ideas": (
        "以创建“工人先锋号”为载体，以自主创新建功立业为主线，围绕企业生产抓活动，推进企业民主管理，突出维护员工"
        "权益，深化职工之家建设，提高员工业务技能，努力促进企业全面完成生产经营任务。"
    ),
    "key_tasks": (
        "一是高高扬起“工人先锋号”的旗帜，组织员工开展各类劳动竞赛；\n二是认真组织员工参与文体活动，提升企业精神文明建设水平；\n"
        "三是切实发挥桥梁纽带作用，营造和谐稳定的工作氛围与生产环境；\n四是认真履行职能，不断加强自身建设；\n"
        "五是推进企业文化建设，规范员工行为，丰富员工文化生活。"
    ),
    "items": [
        ("competition", "“三零”劳动竞赛（零事故、零缺陷、零损耗）", FULL_YEAR, None, ""),
        ("competition", "“安康杯”竞赛", FULL_YEAR, None, ""),
        ("competition", "降本增效竞赛", FULL_YEAR, None, ""),
        ("competition", "班组升级建家和班组夺标计划", FULL_YEAR, None, ""),
        ("competition", "典型故障案例分析交流、班组岗位自主创新", [3, 6, 9, 12], 4, "次"),
        ("competition", "员工岗位技能比武", [10], 1, "次"),
        ("competition", "创建“工人先锋号”", FULL_YEAR, None, ""),
        ("care", "困难员工动态管理，“五必谈”“五必访”", FULL_YEAR, None, ""),
        ("care", "帮困送温暖，探望大病员工", [1], None, ""),
        ("publicity", "办好《员工活动园地》", FULL_YEAR, 12, "期"),
        ("democratic", "厂务公开和民主管理", FULL_YEAR, None, ""),
        ("democratic", "“我为企业发展献计策、做贡献”大讨论", [3], 1, "次"),
        ("rights", "督促签订劳动合同、足额发放工资、缴纳社会保险", FULL_YEAR, None, ""),
        ("rights", "维护签约（劳务派遣）员工合法权益", FULL_YEAR, None, ""),
        ("culture", "重要节日文体活动", [1, 5, 10], 3, "次"),
        ("culture", "组织员工参加上级和厂庆文体活动", FULL_YEAR, None, ""),
        ("ethics", "理论学习（工会理论、《公司法》）", [2, 8], 2, "次"),
        ("self_construction", "工会自身建设，当好党政参谋助手", FULL_YEAR, None, ""),
    ],
}

COUNTY = {
    "code": "county",
    "name": "县总工会年度工作计划",
    "suited_for": "县（区）总工会",
    "guiding_ideas": (
        "团结动员全县广大职工在推动发展、促进和谐中发挥主力军作用，服务大局、依法维权、情系职工，指导基层工会做到"
        "有计划、有制度、有台帐、有检查、有考核。"
    ),
    "key_tasks": (
        "一是深化劳动竞赛和职工技能提升；\n二是加强普法宣传和劳动法律监督，推进工资集体协商；\n"
        "三是做好困难职工帮扶和职工服务；\n四是扩大工会组织覆盖，推进基层工会规范化建设；\n"
        "五是丰富职工文化生活，加强信息报道和宣传。"
    ),
    "items": [
        ("self_construction", "召开全县工会工作会议，下达年度目标任务", [1, 2], 1, "次"),
        ("competition", "全县重点工程立功竞赛", FULL_YEAR, None, ""),
        ("competition", "全县职工技能比武", [5, 10], 2, "次"),
        ("competition", "推荐“工人先锋号”和劳动模范", [3, 4], None, ""),
        ("ethics", "“中国梦·劳动美”主题教育和“最美职工”评选", [4], None, ""),
        ("rights", "普法宣传月、劳动法治宣传周", [3, 12], 2, "次"),
        ("rights", "劳动争议调处机制建设和职工信访接待", FULL_YEAR, None, ""),
        ("rights", "推进集体合同和工资集体协商", FULL_YEAR, None, ""),
        ("care", "元旦春节送温暖", [1, 2], None, ""),
        ("care", "夏送清凉", [7, 8], None, ""),
        ("care", "金秋助学", [8, 9], None, ""),
        ("care", "职工医疗互助参保", [11, 12], None, ""),
        ("care", "一线职工疗休养和体检", [5, 6, 7, 8, 9, 10], None, ""),
        ("culture", "庆祝“五一”系列活动", [4, 5], None, ""),
        ("culture", "全县职工运动会", [10], 1, "次"),
        ("culture", "职工书画摄影展", [9], 1, "次"),
        ("democratic", "推进企业职代会和厂务公开", FULL_YEAR, None, ""),
        ("self_construction", "新建基层工会，扩大组织覆盖", FULL_YEAR, None, ""),
        ("self_construction", "“模范职工之家”评选", [11], None, ""),
        ("self_construction", "工会经费审计", [10, 11], None, ""),
        ("self_construction", "对街道、基层工会年度考核", [12], None, ""),
        ("publicity", "制定信息报道考核办法", [1], None, ""),
        ("publicity", "信息报道和职工服务平台推广", FULL_YEAR, None, ""),
        ("self_construction", "年终总结", [12], None, ""),
    ],
}

TEMPLATES = (SCHOOL, STREET, AGENCY, ENTERPRISE, COUNTY)


def _mask(months) -> int:
    return 0xFFF if months is None else sum(1 << (m - 1) for m in months)


def load(apps, schema_editor):
    PlanTemplate = apps.get_model("plans", "PlanTemplate")
    TemplateItem = apps.get_model("plans", "TemplateItem")
    for data in TEMPLATES:
        template = PlanTemplate.objects.create(
            code=data["code"], name=data["name"], suited_for=data["suited_for"],
            guiding_ideas=data["guiding_ideas"], key_tasks=data["key_tasks"])
        TemplateItem.objects.bulk_create(
            TemplateItem(template=template, area=area, title=title, months=_mask(months), target_count=target,
                         target_unit=unit, position=(position + 1) * 10)
            for position, (area, title, months, target, unit) in enumerate(data["items"]))


def unload(apps, schema_editor):
    apps.get_model("plans", "PlanTemplate").objects.filter(union__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
