/// The small fixed word lists the synthetic corpus draws from: places, outlets, names, page chrome.
///
/// Places are real prefecture-level cities from the bundled gazetteer, so the extract stage resolves them;
/// outlets and names are common ones, combined at random, and refer to no real person.
enum SyntheticVocabulary {
    struct Place: Sendable {
        /// `浙江`, `内蒙古`.
        var province: String
        /// `湖州`, written without 市.
        var city: String
        var full: String { province + city }
    }

    static let places: [Place] = [
        ("浙江", "湖州"), ("安徽", "芜湖"), ("福建", "泉州"), ("江西", "赣州"), ("湖南", "株洲"), ("陕西", "宝鸡"),
        ("河北", "保定"), ("辽宁", "大连"), ("云南", "曲靖"), ("广西", "柳州"), ("山西", "长治"), ("内蒙古", "包头"),
        ("黑龙江", "大庆"), ("四川", "绵阳"), ("山东", "潍坊"), ("湖北", "襄阳"), ("广东", "佛山"), ("江苏", "苏州"),
        ("海南", "儋州"), ("河南", "商丘"), ("贵州", "遵义"), ("甘肃", "天水"), ("吉林", "吉林"), ("宁夏", "石嘴山"),
    ].map { Place(province: $0.0, city: $0.1) }

    /// Place names of the sample reports, replaced by the generated report's city.
    static let samplePlaceNames = ["儋州", "海口", "商丘", "玉门", "遵义", "凤冈", "凤岗"]

    static let newspapers = [
        "人民日报", "经济日报", "光明日报", "工人日报", "法治日报", "中国经济导报", "南方日报", "浙江日报", "新华日报",
        "大众日报", "湖北日报", "四川日报", "河南日报", "安徽日报", "福建日报", "经济参考报",
    ]
    static let websites = ["人民网", "新华网", "中国网", "环球网", "央广网", "中国新闻网", "光明网", "中国经济网", "澎湃新闻", "大河网"]
    static var outlets: [String] { newspapers + websites }

    static let surnames = [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
    ]
    static let givenNames = [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "晓东",
        "海燕", "建华", "志强", "文博", "雨桐", "子涵", "思远", "国庆", "春梅",
    ]

    static let navigation = ["首页", "时政", "经济", "社会", "地方", "文化", "科技", "视频", "图片", "专题", "评论", "English"]
    static let channels = ["财经频道", "地方频道", "经济观察", "区域经济", "营商环境", "要闻", "政务"]
    static let icpPrefixes = ["京", "沪", "粤", "浙", "苏", "鲁", "川", "鄂", "豫", "闽"]
    static let comments = [
        "办事确实方便多了，上次办营业执照半天就拿到了。", "希望其他地方也能学习推广这些好做法！", "政策好不好，企业说了算，点赞。",
        "我们小微企业最关心融资问题，希望继续加力。", "窗口服务态度越来越好了。", "数据真实吗？希望多一些第三方评估。",
        "一网通办什么时候能覆盖到乡镇？", "为家乡的变化点赞！",
    ]
    static let headlineTopics = [
        "优化营商环境再出新招", "政务服务“一网通办”提速增效", "企业开办实现“一日办结”", "持续深化“放管服”改革",
        "民营经济发展迈上新台阶", "项目审批跑出“加速度”", "惠企政策“免申即享”", "打造一流法治化营商环境",
        "助企纾困解难题", "招商引资成效显著", "数字政府建设提质提速", "信用体系建设全面推进",
    ]
}
