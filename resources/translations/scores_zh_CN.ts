<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScoreForm</name>
    <message>
        <location filename="../../desktop/scores_view/score_form.py" line="162"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/score_form.py" line="164"/>
        <source>Bone (optional)</source>
        <translation>骨（选填）</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/score_form.py" line="184"/>
        <source>Guideline</source>
        <translation>查看指南</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/score_form.py" line="187"/>
        <source>Still to choose: %1</source>
        <translation>尚未选择：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/score_form.py" line="188"/>
        <source>Total: —</source>
        <translation>总分：—</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/score_form.py" line="198"/>
        <source>Total: %1</source>
        <translation>总分：%1</translation>
    </message>
</context>
<context>
    <name>ScoresPage</name>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="108"/>
        <source>&amp;Copy for chart</source>
        <translation>复制到病历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="110"/>
        <source>Put the score, its items and the action on the clipboard</source>
        <translation>将总分、各项评分和处理建议复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="112"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="113"/>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="114"/>
        <source>SINS (spine)</source>
        <translation>SINS（脊柱）</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="115"/>
        <source>Mirels (long bone)</source>
        <translation>Mirels（长骨）</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="128"/>
        <source>Choose every item first: there is no score yet.</source>
        <translation>请先完成所有项目的选择，目前尚无评分。</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="136"/>
        <source>Score copied for the chart.</source>
        <translation>已复制评分，可粘贴到病历。</translation>
    </message>
    <message>
        <location filename="../../desktop/scores_view/scores_page.py" line="148"/>
        <source>Printed %1</source>
        <translation>打印时间：%1</translation>
    </message>
</context>
</TS>
