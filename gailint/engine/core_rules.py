"""gailint's own codes (GAI0xx), registered like any pack so that ``select``,
``ignore`` and ``severity`` apply to them. The engine itself emits them."""

from __future__ import annotations

from collections.abc import Iterator

from gailint.engine.diagnostics import Violation
from gailint.engine.hookspecs import hookimpl
from gailint.engine.pack import PackInfo
from gailint.engine.rule import RuleContext, rule
from gailint.model import Report


@rule(code="GAI001", name="internal-error", severity="error", tags=("gailint",))
def internal_error(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """某条规则在这份文本上运行出错。

    ## 检查内容
    一条规则在检查时抛出了异常。信息中写明是哪条规则以及异常内容；其他规则照常运行，
    所以其余检查结果仍然有效。

    ## 为什么是问题
    这是 gailint（或第三方规则包）的缺陷，不是报告的问题；出错的规则没有检查这份报告。

    ## 示例
    `规则 HEN101（henan-fee）运行出错：ZeroDivisionError: division by zero（henan.py:42）`

    ## 应改为
    请把信息和报告片段提交给规则包的维护者；临时可在配置中 `ignore` 该规则。

    ## 修复说明
    无。

    ## 依据
    gailint 本身。
    """
    return iter(())


@rule(code="GAI002", name="unused-suppression", severity="warning", fix="always", tags=("gailint",))
def unused_suppression(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """抑制注释写了不存在的规则代码，或者没有抑制任何问题。

    ## 检查内容
    Markdown 报告中的 `<!-- gailint-disable GAI701 -->` … `<!-- gailint-enable -->`、
    `<!-- gailint-disable-next-line GAI603 -->`、`<!-- gailint-disable-file GAI601 -->`：
    代码必须是已注册的规则；注释必须确实抑制了至少一个问题。

    ## 为什么是问题
    写错的代码什么也不抑制；过时的抑制会在以后掩盖真正的问题。

    ## 示例
    ```
    <!-- gailint-disable-next-line GAI999 -->
    ```

    ## 应改为
    删除这条注释，或改为正确的规则代码。

    ## 修复说明
    删除注释；注释独占一行时连同该行删除。

    ## 依据
    gailint 本身。纯文本报告不能带注释（按原样发布），请改用配置中的 `per-file-ignores`。
    """
    return iter(())


@rule(code="GAI003", name="io-error", severity="error", tags=("gailint",))
def io_error(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """文件无法读取：不存在、没有读权限、不是普通文件，或编码无法识别。

    ## 检查内容
    命令行或 pre-commit 指定的文件无法作为报告读取：文件或文件夹不存在；没有读取权限；
    是命名管道（FIFO）、设备或套接字而不是普通文件；既不是 UTF-8 也不是 GB18030 编码。
    信息写明原因。这个文件没有被检查。

    ## 为什么是问题
    没有检查的文件不能算“未发现问题”。在每种输出格式（JSON、SARIF、GitHub、GitLab、
    JUnit）中它都是一条错误，退出码为 2，CI 不会把它当作通过。

    ## 示例
    `reports/2023.txt:1:1: GAI003 无法读取文件：文件或文件夹不存在`

    ## 应改为
    检查路径是否写错；把报告另存为 UTF-8 或 GB18030 编码的普通文件。

    ## 修复说明
    无。

    ## 依据
    gailint 本身。
    """
    return iter(())


@rule(code="GAI004", name="large-document", severity="info", tags=("gailint",))
def large_document(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """文档太大，编辑器中只运行了部分规则。

    ## 检查内容
    语言服务器检查超过 1,000,000 个字符的文档时，跳过标为 `costly` 的规则
    （逐段比较整篇文本的 GAI603、与往年报告比较的 GAI307 等），并在文档开头给出这一条提示。
    命令行 `gailint check` 总是运行全部规则。

    ## 为什么是问题
    这不是报告的问题：为了让编辑器在输入时保持流畅，大文档的检查有所简化；真正的年度报告
    很少超过几万字，这么大的文档多半是把整个网页或多份报告粘在了一起。

    ## 示例
    `文档有 1,204,311 个字符，超过编辑器检查的上限（1,000,000）：跳过了 GAI603、GAI307；完整检查请运行 gailint check`

    ## 应改为
    把多份报告拆成单独的文件，或在终端运行 `gailint check` 做完整检查。

    ## 修复说明
    无。

    ## 依据
    gailint 本身。
    """
    return iter(())


@hookimpl
def gailint_pack_info() -> PackInfo:
    return PackInfo(description="gailint 自身的代码（规则出错、无效的抑制注释）", default=True)


@hookimpl
def gailint_register_rules():
    return [internal_error, unused_suppression, io_error, large_document]
