<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Bookmarks</name>
    <message>
        <location filename="../../desktop/library_view/bookmarks.py" line="131"/>
        <source>A saved list could not be read and was started afresh: %1</source>
        <translation>一个已保存的列表无法读取，已重新开始：%1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/library_view/find_bar.py" line="69"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/find_bar.py" line="87"/>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/find_bar.py" line="91"/>
        <source>Find in page</source>
        <translation>在页面中查找</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/find_bar.py" line="92"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/find_bar.py" line="93"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/find_bar.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/find_bar.py" line="95"/>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏 (Esc)</translation>
    </message>
</context>
<context>
    <name>LibraryLists</name>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="70"/>
        <source>Loading the library…</source>
        <translation>正在载入文库…</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="85"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="86"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="87"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="88"/>
        <source>Clear bookmarks</source>
        <translation>清空书签</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="89"/>
        <source>Clear history</source>
        <translation>清空历史</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="122"/>
        <source>Clear the bookmarks?</source>
        <translation>清空全部书签？</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="124"/>
        <source>Clear the history?</source>
        <translation>清空浏览历史？</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/library_toc.py" line="127"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="63"/>
        <source>Search the guidelines</source>
        <translation>搜索指南</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="64"/>
        <source>Calculator / back to the library</source>
        <translation>计算器 / 返回文库</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="65"/>
        <source>Back / forward</source>
        <translation>后退 / 前进</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="66"/>
        <source>Find in this document</source>
        <translation>在本文中查找</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="67"/>
        <source>Bookmark this document</source>
        <translation>将本文加入书签</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="68"/>
        <source>Larger / smaller text</source>
        <translation>放大 / 缩小文字</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="75"/>
        <source>Keyboard</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="337"/>
        <source>English version</source>
        <translation>英文版</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="338"/>
        <source>Chinese version</source>
        <translation>中文版</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="340"/>
        <source>Other language</source>
        <translation>其他语言</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="346"/>
        <source>Bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="346"/>
        <source>Bookmark</source>
        <translation>加书签</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="351"/>
        <source>Back (Alt+Left)</source>
        <translation>后退 (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="352"/>
        <source>Forward (Alt+Right)</source>
        <translation>前进 (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="353"/>
        <source>Open this document in the other language</source>
        <translation>用另一种语言打开本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="355"/>
        <source>Add or remove this document from the bookmarks (Ctrl+D)</source>
        <translation>将本文加入书签或从书签中移除（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="357"/>
        <source>Print this document on A4 paper</source>
        <translation>以A4纸打印本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="358"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/reader_view.py" line="74"/>
        <source>Search above, or choose a topic from the contents, to read it here.</source>
        <translation>在上方搜索，或从目录中选择主题，即可在此阅读。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../desktop/library_view/results_model.py" line="26"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/results_model.py" line="27"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/results_model.py" line="41"/>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="94"/>
        <source>Search the guidelines (Ctrl+K)</source>
        <translation>搜索指南 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="95"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="96"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="152"/>
        <source>Building the search index… %1/%2</source>
        <translation>正在建立搜索索引… %1/%2</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="155"/>
        <source>Preparing search…</source>
        <translation>正在准备搜索…</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="157"/>
        <source>The search index was damaged and has been rebuilt.</source>
        <translation>检索索引已损坏，现已重建。</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="159"/>
        <source>Search is unavailable: the search index could not be opened.</source>
        <translation>搜索不可用：无法打开搜索索引。</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="161"/>
        <source>Type a drug, a topic, an abbreviation or pinyin.</source>
        <translation>可输入药名、主题、缩写或拼音。</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="165"/>
        <source>No results for “%1”. Try a drug name, an abbreviation or pinyin.</source>
        <translation>没有找到“%1”。请试试药名、缩写或拼音。</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="170"/>
        <location filename="../../desktop/library_view/search_panel.py" line="179"/>
        <source>, </source>
        <comment>separator between the terms of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="171"/>
        <source>Partial matches: no section holds every word. Not found: %1</source>
        <translation>部分匹配：没有章节包含全部词语。未找到：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view/search_panel.py" line="180"/>
        <source>Also searched: %1</source>
        <translation>同时搜索了：%1</translation>
    </message>
</context>
</TS>
