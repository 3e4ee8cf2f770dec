<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop/dialogs.py" line="35"/>
        <location filename="../../desktop/dialogs.py" line="135"/>
        <source>Intended use</source>
        <translation>预期用途</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="37"/>
        <source>BoneMet Guide is an offline reference and calculator for doctors who treat breast cancer that has spread to bone. It summarises published guidelines and drug labels and applies their rules to the values you enter.</source>
        <translation>乳腺癌骨转移诊疗助手是供治疗乳腺癌骨转移的医生使用的离线参考与计算工具。它汇总已发表的指南和药品说明书，并把其中的规则应用于您输入的数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="44"/>
        <source>Disclaimer</source>
        <translation>免责声明</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="46"/>
        <source>It supports, and does not replace, clinical judgement. Check every result against the patient, the current drug label and your local protocols before acting on it. It is not for use by patients. The content has not been reviewed by clinicians unless a document says so.</source>
        <translation>本工具辅助而不能替代临床判断。依据任何结果采取行动之前，请结合患者情况、现行药品说明书和本院规范逐项核对。本工具不供患者使用。除非文档中注明，内容尚未经临床专家审核。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="70"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="93"/>
        <source>Before you start</source>
        <translation>开始使用前</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="95"/>
        <source>I understand</source>
        <translation>我已了解</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="104"/>
        <source>BoneMet Guide</source>
        <translation>乳腺癌骨转移诊疗助手</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="107"/>
        <source>App version: %1</source>
        <translation>软件版本：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="109"/>
        <source>Content version: %1</source>
        <translation>内容版本：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="111"/>
        <source>Content date: %1</source>
        <translation>内容日期：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="113"/>
        <source>Licence: MIT</source>
        <translation>许可证：MIT</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="116"/>
        <source>Main sources</source>
        <translation>主要来源</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="128"/>
        <source>About BoneMet Guide</source>
        <translation>关于乳腺癌骨转移诊疗助手</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="223"/>
        <source>Search is unavailable: %1</source>
        <translation>搜索不可用：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="238"/>
        <source>The guideline library could not be loaded: %1</source>
        <translation>无法载入指南文库：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="265"/>
        <source>The guideline library is still loading; try again in a moment.</source>
        <translation>指南库仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="273"/>
        <source>Not found in the library: %1</source>
        <translation>文库中未找到：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="370"/>
        <source>BoneMet Guide — breast cancer bone metastases</source>
        <translation>乳腺癌骨转移诊疗助手</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="113"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="118"/>
        <source>Calculator</source>
        <translation>计算器</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="121"/>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="95"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="96"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="97"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="101"/>
        <source>&amp;New patient</source>
        <translation>新患者(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="103"/>
        <source>&amp;Copy for chart</source>
        <translation>复制到病历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="110"/>
        <source>Scor&amp;es</source>
        <translation>评分(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="102"/>
        <source>&amp;Open patient file…</source>
        <translation>打开患者文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="99"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="104"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="105"/>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="106"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="107"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="108"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="109"/>
        <source>&amp;Calculator</source>
        <translation>计算器(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="111"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="112"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="113"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="114"/>
        <source>&amp;Reset zoom</source>
        <translation>恢复默认大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="115"/>
        <source>&amp;Switch 中文/English</source>
        <translation>切换 中文/English(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="116"/>
        <source>&amp;Intended use and disclaimer</source>
        <translation>预期用途与免责声明(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="117"/>
        <source>&amp;About BoneMet Guide</source>
        <translation>关于乳腺癌骨转移诊疗助手(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop/shell/settings.py" line="117"/>
        <source>The settings file could not be read; default settings are used.</source>
        <translation>无法读取设置文件，已使用默认设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/settings.py" line="124"/>
        <source>The settings file was damaged and has been reset to defaults.</source>
        <translation>设置文件已损坏，已恢复为默认设置。</translation>
    </message>
</context>
</TS>
