"""HTML layouts of a Report: a saved government web page, a bare fragment, an MS-Word
"Save as Web Page" file and a table whose value cells hold glued digit runs.

The page furniture copies what 政府网站 CMSs (TRS WCM / 大汉 JCMS style) print around an
article: header, search, nav, breadcrumb, an 索引号 metadata table, 发布时间/来源/浏览次数/字号,
打印本页/关闭窗口, 上一篇/下一篇, footer with 版权所有, ICP备 and 公网安备, scripts and styles.
"""
from __future__ import annotations

import html

from grid import GRIDS, Cell
from model import Report

esc = html.escape


def cell_html(c: Cell, tag: str = "td", extra: str = "", blank: str = "&nbsp;") -> str:
    attrs = ""
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    text = esc(c.text, quote=False) if c.text else blank
    return f"<{tag}{attrs}{extra}>{text}</{tag}>"


def table_html(r: Report, which: str, *, table_attrs: str, td_extra=lambda c: "") -> str:
    rows = []
    for row in GRIDS[which](r):
        rows.append("<tr>" + "".join(cell_html(c, extra=td_extra(c)) for c in row) + "</tr>")
    return f"<table {table_attrs}>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def body_html(r: Report, *, p_style: str, table_attrs: str, td_extra=lambda c: "",
              table_fn=None) -> str:
    table_fn = table_fn or (lambda which: table_html(r, which, table_attrs=table_attrs, td_extra=td_extra))
    out = [f'<p style="{p_style}">{esc(p, quote=False)}</p>' for p in r.preamble]
    for s in r.sections:
        out.append(f'<p style="{p_style}"><strong>{esc(s.heading, quote=False)}</strong></p>')
        for b in s.blocks:
            if b.kind == "table":
                out.append(table_fn(b.text))
            else:
                out.append(f'<p style="{p_style}">{esc(b.text, quote=False)}</p>')
    out.append(f'<p style="text-align: right;">{esc(r.signature)}</p>')
    out.append(f'<p style="text-align: right;">{esc(r.date)}</p>')
    return "\n".join(out)


TD_CENTER = lambda c: ' style="text-align: center;"' if c.kind != "label" else ""  # noqa: E731
TABLE_ATTRS = 'border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse: collapse;"'
P_STYLE = "text-indent: 2em; line-height: 1.75em;"


def fragment(r: Report) -> str:
    """Just the report body as an editor's paste: title <p>, paragraphs and tables."""
    return (f'<p style="text-align: center;"><strong>{esc(r.title)}</strong></p>\n'
            + body_html(r, p_style=P_STYLE, table_attrs=TABLE_ATTRS, td_extra=TD_CENTER) + "\n")


def page(r: Report, *, published: str, source: str, index_no: str) -> str:
    body = body_html(r, p_style=P_STYLE, table_attrs=TABLE_ATTRS, td_extra=TD_CENTER)
    t = esc(r.title)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="滨江市临河区人民政府" />
<meta name="SiteDomain" content="www.linhe.example.cn" />
<meta name="SiteIDCode" content="3399000001" />
<meta name="ColumnName" content="政府信息公开年报" />
<meta name="ArticleTitle" content="{t}" />
<meta name="PubDate" content="{published}" />
<meta name="ContentSource" content="{esc(source)}" />
<title>{t}_政府信息公开年报_滨江市临河区人民政府</title>
<link rel="stylesheet" type="text/css" href="/images/2021/css/common.css" />
<style type="text/css">
.header{{height:130px;background:#1d5ba5 url(/images/2021/top_bg.jpg) no-repeat center;}}
.position{{line-height:40px;font-size:14px;color:#666;}}
.article h1{{font-size:26px;text-align:center;color:#1d5ba5;padding:20px 0;}}
.TRS_Editor p{{font-size:16px;line-height:1.75em;margin:0;}}
.TRS_Editor table td{{border:1px solid #000;padding:2px 4px;font-size:14px;}}
.footer{{background:#1d5ba5;color:#fff;text-align:center;line-height:28px;}}
</style>
<script type="text/javascript" src="/js/jquery-1.11.3.min.js"></script>
<script type="text/javascript">
var _hmt = _hmt || [];
function doZoom(size){{ document.getElementById('zoom').style.fontSize = size + 'px'; }}
</script>
</head>
<body>
<div class="header">
  <div class="wrap"><a href="/" class="logo"><img src="/images/2021/logo.png" alt="滨江市临河区人民政府" /></a>
  <div class="search"><form action="/search/" method="get" target="_blank"><input type="text" name="q" value="请输入关键字" /><input type="submit" value="搜索" /></form></div>
  <div class="toplink"><a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a> | <a href="/wza/">无障碍浏览</a> | <a href="/m/">手机版</a></div></div>
</div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwdt/">政务动态</a></li><li class="on"><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjlh/">走进临河</a></li>
</ul></div>
<div class="wrap">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgk/">政府信息公开</a> &gt; <a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a></div>
<div class="article">
<table class="xxgk-info" width="100%" cellpadding="0" cellspacing="0">
<tr><td>索引号：</td><td>{index_no}</td><td>发布机构：</td><td>{esc(source)}</td></tr>
<tr><td>主题分类：</td><td>政务公开</td><td>成文日期：</td><td>{esc(r.date)}</td></tr>
<tr><td>文号：</td><td>&nbsp;</td><td>发布日期：</td><td>{published[:10]}</td></tr>
</table>
<h1>{t}</h1>
<div class="info">发布时间：{published}&nbsp;&nbsp;&nbsp;来源：{esc(source)}&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits"><script type="text/javascript">document.write(Math.floor(Math.random()*900+100));</script></span>&nbsp;&nbsp;&nbsp;字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>
<div class="content TRS_Editor" id="zoom">
{body}
</div>
<div class="attach">附件下载：<a href="/cms/uploadfiles/202401/P020240123391234.docx">{t}.docx</a></div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】 分享到：<a class="wx" href="javascript:void(0)">微信</a> <a class="wb" href="javascript:void(0)">微博</a></div>
<div class="prenext"><p>上一篇：<a href="/zwgk/zfxxgk/zfxxgknb/202401/t20240119_91201.htm">滨江市临河区教育局2023年政府信息公开工作年度报告</a></p>
<p>下一篇：<a href="/zwgk/zfxxgk/zfxxgknb/202401/t20240125_91260.htm">滨江市临河区民政局2023年政府信息公开工作年度报告</a></p></div>
</div>
</div>
<div class="footer">
<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sybz/">使用帮助</a></p>
<p>版权所有：滨江市临河区人民政府办公室&nbsp;&nbsp;主办单位：滨江市临河区人民政府办公室&nbsp;&nbsp;网站标识码：3399000001</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">浙ICP备00000000号-1</a>&nbsp;&nbsp;<img src="/images/2021/ga.png" alt="" />浙公网安备 33000002000001号</p>
</div>
<script type="text/javascript">
$(function(){{ $(".nav li").hover(function(){{ $(this).addClass("hover"); }}, function(){{ $(this).removeClass("hover"); }}); }});
</script>
</body>
</html>
"""


def glued_cells(r: Report) -> str:
    """A page whose tables 三 and 四 carry each row's seven (fifteen) values in ONE <td>, the
    digits run together (<td colspan="7">2000002</td>), as some CMS editors flatten them."""

    def table_fn(which: str) -> str:
        if which == "二":
            return table_html(r, which, table_attrs=TABLE_ATTRS, td_extra=TD_CENTER)
        rows = []
        for row in GRIDS[which](r):
            values = [c for c in row if c.kind == "value"]
            cells = [cell_html(c, extra=TD_CENTER(c)) for c in row if c.kind != "value"]
            if values:
                digits = "".join(c.text for c in values)
                cells.append(f'<td colspan="{len(values)}" style="text-align: center;">{digits}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return f"<table {TABLE_ATTRS}>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"

    body = body_html(r, p_style=P_STYLE, table_attrs=TABLE_ATTRS, table_fn=table_fn)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(r.title)}</title>\n</head>\n<body>\n<div class=\"article-content\">\n"
            f"<h2 style=\"text-align: center;\">{esc(r.title)}</h2>\n{body}\n</div>\n</body>\n</html>\n")


# ------------------------------------------------------------------ MS Word "Save as Web Page"
W_P = ("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;"
       "line-height:28.0pt;mso-line-height-rule:exactly'>")
W_SPAN = "<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>"
EN = "<span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>"


def _word_runs(text: str, splits: dict[str, str]) -> str:
    """Text as Word writes it: CJK runs in one span, ASCII digits in lang=EN-US spans; any
    substring named in `splits` is replaced by the given (already split) markup."""
    out, buf, digits = [], "", False
    i = 0
    while i < len(text):
        hit = next((k for k in splits if text.startswith(k, i)), None)
        if hit:
            if buf:
                out.append((EN if digits else W_SPAN) + esc(buf, quote=False) + "</span>")
                buf = ""
            out.append(splits[hit])
            i += len(hit)
            continue
        ch = text[i]
        is_d = ch.isascii() and (ch.isalnum() or ch in ".-%")
        if buf and is_d != digits:
            out.append((EN if digits else W_SPAN) + esc(buf, quote=False) + "</span>")
            buf = ""
        digits = is_d
        buf += ch
        i += 1
    if buf:
        out.append((EN if digits else W_SPAN) + esc(buf, quote=False) + "</span>")
    return "".join(out)


def _word_cell(c: Cell, width_pt: float, split_numbers: dict[str, str]) -> str:
    attrs = f" width={round(width_pt * 4 / 3)}"
    if c.rowspan > 1:
        attrs += f" rowspan={c.rowspan}"
    if c.colspan > 1:
        attrs += f" colspan={c.colspan}"
    style = f"width:{width_pt:.1f}pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt"
    font = "font-size:10.5pt;font-family:宋体"
    if not c.text:
        inner = "<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>"
    elif c.kind == "value":
        inner = split_numbers.get(c.text, f"<span lang=EN-US style='font-size:10.5pt'>{esc(c.text)}<o:p></o:p></span>")
    else:
        inner = f"<span style='{font}'>{esc(c.text, quote=False)}<span lang=EN-US><o:p></o:p></span></span>"
    align = " align=center" if c.kind != "label" else ""
    return f"<td{attrs} style='{style}'>\n<p class=MsoNormal{align}>{inner}</p></td>"


def word_html(r: Report) -> bytes:
    """A hand-made file in the shape of Word 2016 "网页(*.htm)" output (GBK, charset=gb2312)."""
    y = str(r.year)
    split_year = (f"<span lang=EN-US style='font-size:22.0pt;font-family:方正小标宋简体'>{y[:2]}</span>"
                  f"<span lang=EN-US style='font-size:22.0pt;font-family:方正小标宋简体;"
                  f"mso-bidi-font-family:宋体'>{y[2:]}</span>")
    title = (f"<p class=MsoNormal align=center style='text-align:center;line-height:36.0pt;"
             f"mso-line-height-rule:exactly'><span style='font-size:22.0pt;font-family:方正小标宋简体'>"
             f"{esc(r.issuer)}</span>{split_year}<span style='font-size:22.0pt;font-family:方正小标宋简体'>"
             f"{esc(r.title[len(r.issuer) + len(y):])}<span lang=EN-US><o:p></o:p></span></span></p>")
    # the period keeps its first year split in two runs too (Word splits runs at edits)
    period_split = {f"{y}年1月1日": f"{EN}{y[:2]}</span><span lang=EN-US style='font-size:16.0pt;"
                                   f"font-family:仿宋_GB2312'>{y[2:]}</span>{W_SPAN}年</span>{EN}1</span>"
                                   f"{W_SPAN}月</span>{EN}1</span>{W_SPAN}日</span>"}
    blank = "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    split_numbers = {"1721": "<span lang=EN-US style='font-size:10.5pt'>17</span>"
                             "<span lang=EN-US style='font-size:10.5pt;mso-bidi-font-size:11.0pt'>21</span>"}
    widths = {"二": [119, 108, 108, 108], "三": [21, 45, 102] + [39] * 7, "四": [29.5] * 15}
    parts = [title, blank]
    for p in r.preamble:
        parts.append(W_P + _word_runs(p, period_split) + "<span lang=EN-US><o:p></o:p></span></p>")
    for k, s in enumerate(r.sections):
        num, words = s.heading.split("、", 1)
        parts.append(
            "<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;mso-char-indent-count:2.0;"
            f"line-height:28.0pt;mso-line-height-rule:exactly;mso-list:l0 level1 lfo1'>"
            "<!--[if !supportLists]--><span style='font-size:16.0pt;font-family:黑体;mso-bidi-font-family:黑体'>"
            f"<span style='mso-list:Ignore'>{num}、<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; "
            "</span></span></span><!--[endif]-->"
            f"<span style='font-size:16.0pt;font-family:黑体'>{esc(words)}<span lang=EN-US><o:p></o:p></span>"
            "</span></p>")
        for b in s.blocks:
            if b.kind == "table":
                grid = GRIDS[b.text](r)
                ncols = sum(c.colspan for c in grid[0])
                w = widths[b.text]
                col_w = lambda i, c: sum(w[i:i + c.colspan])  # noqa: E731
                rows = []
                covered: set[tuple[int, int]] = set()
                for ri, row in enumerate(grid):
                    cells, col, it = [], 0, iter(row)
                    while col < ncols:
                        if (ri, col) in covered:
                            col += 1
                            continue
                        c = next(it, None)
                        if c is None:
                            break
                        cells.append(_word_cell(c, col_w(col, c), split_numbers))
                        for dr in range(1, c.rowspan):
                            for dc in range(c.colspan):
                                covered.add((ri + dr, col + dc))
                        col += c.colspan
                    rows.append(f" <tr style='mso-yfti-irow:{ri};page-break-inside:avoid'>\n"
                                + "\n".join(cells) + "\n </tr>")
                parts.append(
                    "<div align=center>\n<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 "
                    "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
                    "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n"
                    + "\n".join(rows) + "\n</table>\n</div>\n" + blank)
            elif b.kind == "h":
                parts.append(W_P + f"<span style='font-size:16.0pt;font-family:楷体_GB2312'>{esc(b.text)}"
                             "<span lang=EN-US><o:p></o:p></span></span></p>")
            else:
                parts.append(W_P + _word_runs(b.text, {}) + "<span lang=EN-US><o:p></o:p></span></p>")
    parts += [blank,
              f"<p class=MsoNormal align=right style='text-align:right'>{_word_runs(r.signature, {})}</p>",
              f"<p class=MsoNormal align=right style='text-align:right'>{_word_runs(r.date, {})}</p>"]
    doc = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="{esc(r.title)}.files/filelist.xml">
<title>{esc(r.title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>办公室</o:Author>
  <o:LastAuthor>办公室</o:LastAuthor>
  <o:Revision>7</o:Revision>
  <o:Pages>5</o:Pages>
  <o:Company>Microsoft</o:Company>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DocumentKind>DocumentNotSpecified</w:DocumentKind>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
  <w:ValidateAgainstSchemas/>
  <w:Compatibility>
   <w:SpaceForUL/>
   <w:BalanceSingleByteDoubleByteWidth/>
   <w:DoNotLeaveBackslashAlone/>
   <w:UseFELayout/>
  </w:Compatibility>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-alt:SimSun;
	mso-font-charset:134;
	mso-generic-font-family:auto;
	mso-font-pitch:variable;
	mso-font-signature:3 680460288 22 0 262145 0;}}
@font-face
	{{font-family:黑体;
	panose-1:2 1 6 9 6 1 1 1 1 1;
	mso-font-alt:SimHei;
	mso-font-charset:134;}}
@font-face
	{{font-family:仿宋_GB2312;
	mso-font-charset:134;
	mso-generic-font-family:modern;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	margin-bottom:.0001pt;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	mso-bidi-font-size:11.0pt;
	font-family:"Calibri",sans-serif;
	mso-fareast-font-family:宋体;
	mso-font-kerning:1.0pt;}}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{{mso-style-priority:34;
	mso-style-qformat:yes;
	margin:0cm;
	text-indent:21.0pt;
	mso-char-indent-count:2.0;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:104.9pt 73.7pt 99.25pt 79.4pt;
	mso-header-margin:42.55pt;
	mso-footer-margin:79.4pt;
	mso-even-footer:url("{esc(r.title)}.files/header.htm") ef1;
	mso-footer:url("{esc(r.title)}.files/header.htm") f1;
	mso-paper-source:0;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
 /* List Definitions */
 @list l0
	{{mso-list-id:1297639101;
	mso-list-type:hybrid;
	mso-list-template-ids:-1427424302 -1 67698713 67698715 67698703 67698713 67698715 67698703 67698713 67698715;}}
@list l0:level1
	{{mso-level-number-format:chinese-counting;
	mso-level-text:%1、;
	mso-level-tab-stop:none;
	mso-level-number-position:left;
	margin-left:56.0pt;
	text-indent:-24.0pt;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 /* Style Definitions */
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;
	mso-tstyle-colband-size:0;
	mso-style-noshow:yes;
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;
	font-size:10.5pt;
	font-family:"Calibri",sans-serif;}}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{chr(10).join(parts)}

</div>

</body>

</html>
"""
    return doc.replace("\n", "\r\n").encode("gbk")
