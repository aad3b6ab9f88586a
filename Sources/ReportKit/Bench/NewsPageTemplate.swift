/// Wraps a synthetic report in a Chinese news-site page: doctype, head with title, charset, Open Graph tags,
/// inline style and script; top navigation, breadcrumbs, a 热点新闻 sidebar, the article, a share bar,
/// related articles, comments, HTML comments and a footer with 版权所有 and an ICP number.
///
/// Four skins name their blocks differently (`rm_txt_con`, `detail-content`, `TRS_Editor`, `<article>`),
/// as different sites do; the chrome is drawn from the report's own random stream, so it is deterministic.
///
/// ```swift
/// var random = SplitMix64(seed: 1, stream: 0)
/// let page = NewsPageTemplate(skin: 2).render(draft, charset: "gbk", using: &random)
/// page.hasPrefix("<!DOCTYPE html>")  // true
/// ```
struct NewsPageTemplate: Sendable {
    struct Skin: Sendable {
        var wrapper, nav, crumbs, article, info, sidebar, share, related, comments, footer: String
        var semantic: Bool
    }

    static let skins: [Skin] = [
        Skin(
            wrapper: "layout rm_txt cf", nav: "rm_topnav", crumbs: "route", article: "rm_txt_con cf",
            info: "col-1-1 fl",
            sidebar: "col-2 fr hot_news", share: "share_box", related: "rm_related", comments: "rm_comment",
            footer: "rm_footer copyright", semantic: false),
        Skin(
            wrapper: "main-wrap clearfix", nav: "header-nav", crumbs: "news-crumbs", article: "detail-content",
            info: "source-info", sidebar: "aside-hot", share: "share-bar", related: "related-news",
            comments: "comment-area",
            footer: "foot-box", semantic: false),
        Skin(
            wrapper: "con_box", nav: "menu-bar", crumbs: "position", article: "TRS_Editor", info: "xx_info",
            sidebar: "right-list rank", share: "bdsharebuttonbox", related: "xgxw related", comments: "pl-box comment",
            footer: "bottom", semantic: false),
        Skin(
            wrapper: "page-main", nav: "site-nav", crumbs: "breadcrumb", article: "article-body", info: "article-meta",
            sidebar: "sidebar", share: "share-tools", related: "recommend-list", comments: "comments",
            footer: "site-footer", semantic: true),
    ]

    var skin: Int

    func render(_ draft: ReportDraft, charset: String, using random: inout SplitMix64) -> String {
        let style = Self.skins[skin % Self.skins.count]
        let escaped = Self.escape
        let domain = "news\(random.int(in: 1...99)).example.cn"
        let date = String(draft.published.prefix(10))
        let summary = escaped(draft.paragraphs.first?.sentences.first ?? draft.title)
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="\(charset)">
            <meta http-equiv="X-UA-Compatible" content="IE=edge">
            <title>\(escaped(draft.title))_\(escaped(draft.outlet))</title>
            <meta name="keywords" content="营商环境,\(escaped(draft.place.city)),放管服,政务服务">
            <meta name="description" content="\(summary)">
            <meta name="author" content="\(escaped(draft.author))">
            <meta name="publishdate" content="\(date)">
            <meta property="og:type" content="article">
            <meta property="og:title" content="\(escaped(draft.title))">
            <meta property="og:description" content="\(summary)">
            <meta property="og:site_name" content="\(escaped(draft.outlet))">
            <meta property="og:url" content="https://\(domain)/\(date.replacingOccurrences(of: "-", with: "/"))/c_\(random.int(in: 100_000...999_999)).html">
            <meta property="article:published_time" content="\(date)">
            <link rel="stylesheet" href="https://\(domain)/css/main.css">
            <style type="text/css">
            .\(Self.first(style.article)) p{text-indent:2em;line-height:1.9;margin:0 0 16px;font-size:16px;color:#333;}
            .\(Self.first(style.sidebar)) li{height:30px;line-height:30px;overflow:hidden;}
            .\(Self.first(style.footer)){text-align:center;color:#999;font-size:12px;}
            </style>
            <script type="text/javascript">
            var _hmt = _hmt || [];
            (function() {
              var hm = document.createElement("script");
              hm.src = "https://hm.baidu.com/hm.js?\(Self.hex(&random))";
              var s = document.getElementsByTagName("script")[0];
              s.parentNode.insertBefore(hm, s);
            })();
            var pageConfig = {"channel":"\(random.pick(SyntheticVocabulary.channels))","publishDate":"\(draft.published):00"};
            </script>
            </head>
            <body>
            <!-- 顶部导航 开始 -->

            """
        html += style.semantic ? "<nav class=\"\(style.nav)\">\n" : "<div class=\"\(style.nav)\">\n"
        for (index, label) in SyntheticVocabulary.navigation.prefix(10).enumerated() {
            html +=
                "  <a href=\"https://\(domain)/\(index == 0 ? "" : "channel\(index)/")\" target=\"_blank\">\(label)</a>\n"
        }
        html += style.semantic ? "</nav>\n" : "</div>\n"
        html += "<!-- 顶部导航 结束 -->\n"
        html += "<div class=\"\(style.crumbs)\"><a href=\"https://\(domain)/\">首页</a> &gt; "
        html += "<a href=\"https://\(domain)/local/\">地方</a> &gt; <span>\(escaped(draft.place.full))</span></div>\n"
        html += "<div class=\"\(style.wrapper)\">\n"
        html += style.semantic ? "<main>\n<article class=\"\(style.article)\">\n" : "<div class=\"main-left\">\n"
        html += "<h1>\(escaped(draft.title))</h1>\n"
        html +=
            "<div class=\"\(style.info)\">\(draft.published)　来源：\(escaped(draft.outlet))　作者：\(escaped(draft.author))</div>\n"
        if !style.semantic { html += "<div class=\"\(style.article)\" id=\"articleText\">\n" }
        html += "<!-- 正文 开始 -->\n"
        for paragraph in draft.paragraphs {
            if let heading = paragraph.heading { html += "<p><strong>\(escaped(heading))</strong></p>\n" }
            html += "<p>\(escaped(paragraph.sentences.joined()))</p>\n"
        }
        html += "<p class=\"editor\">\(escaped(draft.footer))</p>\n<!-- 正文 结束 -->\n"
        html += style.semantic ? "</article>\n" : "</div>\n"
        html += "<div class=\"\(style.share)\"><span>分享到：</span><a href=\"javascript:void(0)\">微信</a> "
        html += "<a href=\"javascript:void(0)\">微博</a> <a href=\"javascript:void(0)\">QQ空间</a></div>\n"
        html += "<div class=\"\(style.related)\"><h3>相关新闻</h3><ul>\n"
        for _ in 0..<5 {
            html +=
                "  <li><a href=\"https://\(domain)/n/\(random.int(in: 10_000...99_999)).html\">\(headline(&random))</a></li>\n"
        }
        html += "</ul></div>\n"
        html += "<div class=\"\(style.comments)\"><h3>网友评论</h3>\n"
        for number in 0..<3 {
            html += "  <div class=\"item\"><span class=\"user\">网友\(random.int(in: 1000...9999))</span>"
            html += "<span class=\"time\">\(date) \(10 + number):\(random.int(in: 10...59))</span>"
            html += "<p>\(random.pick(SyntheticVocabulary.comments))</p></div>\n"
        }
        html += "</div>\n"
        html +=
            style.semantic
            ? "</main>\n<aside class=\"\(style.sidebar)\">\n" : "</div>\n<div class=\"\(style.sidebar)\">\n"
        html += "<h3>热点新闻</h3><ol>\n"
        for rank in 1...8 {
            html +=
                "  <li><span>\(rank)</span><a href=\"https://\(domain)/hot/\(random.int(in: 10_000...99_999)).html\">\(headline(&random))</a></li>\n"
        }
        html += "</ol>\n" + (style.semantic ? "</aside>\n" : "</div>\n") + "</div>\n"
        let icp = random.pick(SyntheticVocabulary.icpPrefixes)
        html += style.semantic ? "<footer class=\"\(style.footer)\">\n" : "<div class=\"\(style.footer)\">\n"
        html += "<p><a href=\"https://\(domain)/about/\">关于我们</a> | <a href=\"https://\(domain)/contact/\">联系我们</a> | "
        html +=
            "<a href=\"https://\(domain)/sitemap/\">网站地图</a> | <a href=\"https://\(domain)/copyright/\">版权声明</a></p>\n"
        html += "<p>版权所有 © \(date.prefix(4)) \(escaped(draft.outlet)) 未经书面授权禁止转载</p>\n"
        html +=
            "<p>\(icp)ICP备\(random.int(in: 10_000_000...99_999_999))号-1　\(icp)公网安备 \(random.int(in: 10_000_000...99_999_999))\(random.int(in: 100_000...999_999))号</p>\n"
        html += style.semantic ? "</footer>\n" : "</div>\n"
        html += "<!-- 统计代码 -->\n<script src=\"https://\(domain)/js/stat.js\"></script>\n</body>\n</html>\n"
        return html
    }

    private func headline(_ random: inout SplitMix64) -> String {
        let place = random.pick(SyntheticVocabulary.places)
        return "\(place.city)：\(random.pick(SyntheticVocabulary.headlineTopics))"
    }

    private static func first(_ classes: String) -> String {
        String(classes.split(separator: " ").first ?? Substring(classes))
    }

    private static func hex(_ random: inout SplitMix64) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<32).map { _ in digits[random.below(16)] })
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
