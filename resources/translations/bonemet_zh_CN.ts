<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Bookmarks</name>
    <message>
        <location filename="../../desktop/bookmarks.py" line="107"/>
        <source>A saved list could not be read and was started afresh: %1</source>
        <translation>一个已保存的列表无法读取，已重新开始：%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop/dialogs.py" line="28"/>
        <location filename="../../desktop/dialogs.py" line="95"/>
        <source>Intended use</source>
        <translation>预期用途</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="29"/>
        <source>BoneMet Guide is an offline reference and calculator for doctors who treat breast cancer that has spread to bone. It summarises published guidelines and drug labels and applies their rules to the values you enter.</source>
        <translation>乳腺癌骨转移诊疗助手是供治疗乳腺癌骨转移的医生使用的离线参考与计算工具。它汇总已发表的指南和药品说明书，并把其中的规则应用于您输入的数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="32"/>
        <source>Disclaimer</source>
        <translation>免责声明</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="33"/>
        <source>It supports, and does not replace, clinical judgement. Check every result against the patient, the current drug label and your local protocols before acting on it. It is not for use by patients. The content has not been reviewed by clinicians unless a document says so.</source>
        <translation>本工具辅助而不能替代临床判断。依据任何结果采取行动之前，请结合患者情况、现行药品说明书和本院规范逐项核对。本工具不供患者使用。除非文档中注明，内容尚未经临床专家审核。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="53"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="74"/>
        <source>Before you start</source>
        <translation>开始使用前</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="74"/>
        <source>I understand</source>
        <translation>我已了解</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="80"/>
        <source>BoneMet Guide</source>
        <translation>乳腺癌骨转移诊疗助手</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="81"/>
        <source>App version: %1</source>
        <translation>软件版本：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="82"/>
        <source>Content version: %1</source>
        <translation>内容版本：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="83"/>
        <source>Content date: %1</source>
        <translation>内容日期：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="84"/>
        <source>Licence: MIT</source>
        <translation>许可证：MIT</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="85"/>
        <source>Main sources</source>
        <translation>主要来源</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="91"/>
        <source>About BoneMet Guide</source>
        <translation>关于乳腺癌骨转移诊疗助手</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/find_bar.py" line="71"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../desktop/find_bar.py" line="88"/>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../desktop/find_bar.py" line="91"/>
        <source>Find in page</source>
        <translation>在页面中查找</translation>
    </message>
    <message>
        <location filename="../../desktop/find_bar.py" line="92"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../desktop/find_bar.py" line="93"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../desktop/find_bar.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/find_bar.py" line="95"/>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏 (Esc)</translation>
    </message>
</context>
<context>
    <name>LibraryLists</name>
    <message>
        <location filename="../../desktop/library_toc.py" line="63"/>
        <source>Loading the library…</source>
        <translation>正在载入文库…</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="78"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="79"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="80"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="81"/>
        <source>Clear bookmarks</source>
        <translation>清空书签</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="82"/>
        <source>Clear history</source>
        <translation>清空历史</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="112"/>
        <source>Clear the bookmarks?</source>
        <translation>清空全部书签？</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="114"/>
        <source>Clear the history?</source>
        <translation>清空浏览历史？</translation>
    </message>
    <message>
        <location filename="../../desktop/library_toc.py" line="115"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="97"/>
        <source>Search is unavailable: %1</source>
        <translation>搜索不可用：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="105"/>
        <source>The guideline library could not be loaded: %1</source>
        <translation>无法载入指南文库：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129"/>
        <source>The guideline library is still loading; try again in a moment.</source>
        <translation>指南库仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="136"/>
        <source>Not found in the library: %1</source>
        <translation>文库中未找到：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="224"/>
        <source>BoneMet Guide — breast cancer bone metastases</source>
        <translation>乳腺癌骨转移诊疗助手</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="225"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="226"/>
        <source>Calculator</source>
        <translation>计算器</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="227"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="228"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="229"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="230"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="232"/>
        <source>&amp;New patient</source>
        <translation>新患者(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="234"/>
        <source>&amp;Copy for chart</source>
        <translation>复制到病历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="233"/>
        <source>&amp;Open patient file…</source>
        <translation>打开患者文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="235"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="236"/>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="237"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="238"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="239"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="240"/>
        <source>&amp;Calculator</source>
        <translation>计算器(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="241"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="242"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="243"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="244"/>
        <source>&amp;Reset zoom</source>
        <translation>恢复默认大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="245"/>
        <source>&amp;Intended use and disclaimer</source>
        <translation>预期用途与免责声明(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>&amp;About BoneMet Guide</source>
        <translation>关于乳腺癌骨转移诊疗助手(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../desktop/reader_view.py" line="61"/>
        <source>Search the guidelines</source>
        <translation>搜索指南</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="62"/>
        <source>Calculator / back to the library</source>
        <translation>计算器 / 返回文库</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="63"/>
        <source>Back / forward</source>
        <translation>后退 / 前进</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="64"/>
        <source>Find in this document</source>
        <translation>在本文中查找</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="65"/>
        <source>Bookmark this document</source>
        <translation>将本文加入书签</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="66"/>
        <source>Larger / smaller text</source>
        <translation>放大 / 缩小文字</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="71"/>
        <source>Keyboard</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="293"/>
        <source>English version</source>
        <translation>英文版</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="293"/>
        <source>Chinese version</source>
        <translation>中文版</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="294"/>
        <source>Other language</source>
        <translation>其他语言</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="298"/>
        <source>Bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="298"/>
        <source>Bookmark</source>
        <translation>加书签</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="302"/>
        <source>Back (Alt+Left)</source>
        <translation>后退 (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="303"/>
        <source>Forward (Alt+Right)</source>
        <translation>前进 (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="304"/>
        <source>Open this document in the other language</source>
        <translation>用另一种语言打开本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="305"/>
        <source>Add or remove this document from the bookmarks (Ctrl+D)</source>
        <translation>将本文加入书签或从书签中移除（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="306"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="70"/>
        <source>Search above, or choose a topic from the contents, to read it here.</source>
        <translation>在上方搜索，或从目录中选择主题，即可在此阅读。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../desktop/results_model.py" line="21"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../desktop/results_model.py" line="22"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/search_panel.py" line="83"/>
        <source>Search the guidelines (Ctrl+K)</source>
        <translation>搜索指南 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="84"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="85"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="137"/>
        <source>Preparing search…</source>
        <translation>正在准备搜索…</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="139"/>
        <source>Search is unavailable: the search index could not be opened.</source>
        <translation>搜索不可用：无法打开搜索索引。</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="141"/>
        <source>Type a drug, a topic, an abbreviation or pinyin.</source>
        <translation>可输入药名、主题、缩写或拼音。</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="145"/>
        <source>No results for “%1”. Try a drug name, an abbreviation or pinyin.</source>
        <translation>没有找到“%1”。请试试药名、缩写或拼音。</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="152"/>
        <source>, </source>
        <comment>separator between the terms of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="153"/>
        <source>Also searched: %1</source>
        <translation>同时搜索了：%1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop/settings.py" line="112"/>
        <source>The settings file could not be read; default settings are used.</source>
        <translation>无法读取设置文件，已使用默认设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="122"/>
        <source>The settings file was damaged and has been reset to defaults.</source>
        <translation>设置文件已损坏，已恢复为默认设置。</translation>
    </message>
</context>
</TS>
