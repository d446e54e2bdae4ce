<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>kindred::BackupService</name>
    <message>
        <source>Made by you</source>
        <translation>由您创建</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>After naming</source>
        <translation>命名之后</translation>
    </message>
    <message>
        <source>Before an update of Kindred</source>
        <translation>Kindred 更新之前</translation>
    </message>
    <message>
        <source>Before a new face model</source>
        <translation>更换人脸模型之前</translation>
    </message>
    <message>
        <source>Before personalisation</source>
        <translation>个性化之前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复之前</translation>
    </message>
</context>
<context>
    <name>kindred::ClusterListModel</name>
    <message numerus="yes">
        <source>%n face(s) on their own</source>
        <translation>
            <numerusform>%n 张单独的面孔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n 张面孔</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>看起来像 %1</translation>
    </message>
    <message numerus="yes">
        <source>Not faces: %n</source>
        <translation>
            <numerusform>不是面孔：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>hands, ears, patterns…</source>
        <translation>手、耳朵、图案……</translation>
    </message>
    <message numerus="yes">
        <source>Maybe not faces: %n</source>
        <translation>
            <numerusform>可能不是面孔：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>the app is unsure</source>
        <translation>应用不确定</translation>
    </message>
</context>
<context>
    <name>kindred::FaceIndexJob</name>
    <message>
        <source>Grouping the faces failed: %1</source>
        <translation>面孔分组失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found</source>
        <translation>
            <numerusform>找到 %n 张面孔</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 photos/s</source>
        <translation>每秒 %1 张照片</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>大约还需 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>大约还需 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces failed: %1</source>
        <translation>查找面孔失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n photo(s)</source>
        <translation>
            <numerusform>在 %n 张照片后停止</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) looked at</source>
        <translation>
            <numerusform>已查看 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of unknown faces</source>
        <translation>
            <numerusform>%n 组未知面孔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n 条建议</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n 张无法读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named from the photos&apos; own tags</source>
        <translation>
            <numerusform>%n 张人脸已按照片自带标签命名</numerusform>
        </translation>
    </message>
    <message>
        <source>Updating face recognition (better with turned faces): %1 of %2 faces, names kept</source>
        <translation>正在更新人脸识别（侧脸识别更好）：%2 张人脸中的 %1 张，名字保持不变</translation>
    </message>
    <message numerus="yes">
        <source>(%n more kept out as not faces)</source>
        <translation>
            <numerusform>（另有 %n 个判定为非人脸，已排除）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) the face check had hidden are back under Maybe not faces</source>
        <translation>
            <numerusform>面孔检查曾隐藏的 %n 张面孔已回到“可能不是面孔”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept out as not faces</source>
        <translation>
            <numerusform>%n 个判定为非人脸，已排除</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::FaceListModel</name>
    <message>
        <source>%1?</source>
        <translation>%1？</translation>
    </message>
    <message>
        <source>Is this %1? (%2 sure)</source>
        <translation>这是 %1 吗？（把握 %2）</translation>
    </message>
    <message>
        <source>A second box on a face found beside it</source>
        <translation>旁边已找到的面孔上的第二个框</translation>
    </message>
    <message>
        <source>Hidden by the face check: unlike a face</source>
        <translation>已被面孔检查隐藏：不像面孔</translation>
    </message>
</context>
<context>
    <name>kindred::FinetuneJob</name>
    <message>
        <source>Face recognition personalised: identification error %1% -&gt; %2%</source>
        <translation>人脸识别已个性化：识别错误率 %1% -&gt; %2%</translation>
    </message>
    <message>
        <source>Personalisation not adopted: %1</source>
        <translation>未采用个性化：%1</translation>
    </message>
    <message>
        <source>Not enough confirmed faces to personalise: %1</source>
        <translation>已确认的人脸不足，无法个性化：%1</translation>
    </message>
    <message>
        <source>Personalisation cancelled</source>
        <translation>个性化已取消</translation>
    </message>
    <message>
        <source>Personalisation failed: %1</source>
        <translation>个性化失败：%1</translation>
    </message>
</context>
<context>
    <name>kindred::FolderView</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Choose a folder on the left.</source>
        <translation>请在左侧选择一个文件夹。</translation>
    </message>
</context>
<context>
    <name>kindred::JobErrorsDialog</name>
    <message>
        <source>Problems: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>有 %n 个文件无法读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>复制列表</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>kindred::JobManager</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>kindred::JobStatusWidget</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show the files that could not be read</source>
        <translation>显示无法读取的文件</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 / %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::LibraryService</name>
    <message>
        <source>Cannot use the library folder %1: %2</source>
        <translation>无法使用图库文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2</source>
        <translation>无法打开目录数据库 %1：%2</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>没有打开的图库。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation>无法读取 %1（权限不足）。</translation>
    </message>
    <message>
        <source>Scanning %1</source>
        <translation>正在扫描 %1</translation>
    </message>
    <message>
        <source>There are no folders to scan yet. Add a folder first.</source>
        <translation>还没有可扫描的文件夹。请先添加一个文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Rescanning %n folder(s)</source>
        <translation>
            <numerusform>正在重新扫描 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces</source>
        <translation>正在查找面孔</translation>
    </message>
    <message>
        <source>Grouping similar faces…</source>
        <translation>正在将相似的面孔分组…</translation>
    </message>
    <message>
        <source>Face recognition is already being personalised.</source>
        <translation>人脸识别已在个性化训练中。</translation>
    </message>
    <message>
        <source>Personalising face recognition</source>
        <translation>正在个性化人脸识别</translation>
    </message>
    <message>
        <source>Training round %1 of %2, loss %3</source>
        <translation>训练第 %1 轮，共 %2 轮，损失 %3</translation>
    </message>
    <message>
        <source>Names are already being written.</source>
        <translation>正在写入名字。</translation>
    </message>
    <message>
        <source>Writing names into the photos</source>
        <translation>正在将名字写入照片</translation>
    </message>
    <message>
        <source>Writing names to sidecars</source>
        <translation>正在将名字写入附属文件</translation>
    </message>
    <message>
        <source>Writing names failed: %1</source>
        <translation>写入名字失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Names written to %n photo(s)</source>
        <translation>
            <numerusform>已将名字写入 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n 张已是最新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be written</source>
        <translation>
            <numerusform>%n 张无法写入</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalog is in use by another Kindred window or kindred-cli; close it first.</source>
        <translation>目录正被另一个 Kindred 窗口或 kindred-cli 使用；请先将其关闭。</translation>
    </message>
    <message>
        <source>The current catalog could not be backed up first (%1); nothing was changed.</source>
        <translation>无法先备份当前目录（%1）；未做任何更改。</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged (%2). Kindred has not changed it. Restore a backup to go on where you were.</source>
        <translation>目录 %1 已损坏（%2）。Kindred 没有更改它。恢复一个备份即可从上次的位置继续。</translation>
    </message>
    <message>
        <source>Kindred found damage in its catalog %1 and stopped changing it. Start Kindred again to restore a backup.</source>
        <translation>Kindred 发现目录 %1 已损坏，已停止对其进行更改。请重新启动 Kindred 以恢复备份。</translation>
    </message>
    <message>
        <source>The catalog is damaged; nothing was changed. Start Kindred again to restore a backup.</source>
        <translation>目录已损坏；未做任何更改。请重新启动 Kindred 以恢复备份。</translation>
    </message>
</context>
<context>
    <name>kindred::MainWindow</name>
    <message>
        <source>Kindred</source>
        <translation>Kindred</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Unknown faces</source>
        <translation>未知面孔</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>No photos yet.
Drop a folder of photos here, or add one.</source>
        <translation>还没有照片。
把照片文件夹拖到这里，或添加一个文件夹。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rescan folders</source>
        <translation>重新扫描文件夹(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation>更大的缩略图(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller thumbnails</source>
        <translation>更小的缩略图(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Kindred</source>
        <translation>关于 Kindred(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation>%1 不是这台电脑上的文件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a photo or a folder.</source>
        <translation>%1 既不是照片也不是文件夹。</translation>
    </message>
    <message>
        <source>Could not add: %1</source>
        <translation>无法添加：%1</translation>
    </message>
    <message>
        <source>Add a folder of photos</source>
        <translation>添加照片文件夹</translation>
    </message>
    <message>
        <source>Only folders and photos can be dropped here.</source>
        <translation>这里只能放入文件夹和照片。</translation>
    </message>
    <message>
        <source>Kindred — %1</source>
        <translation>Kindred — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in the library</source>
        <translation>
            <numerusform>图库中有 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart Kindred to use the new library location or language.</source>
        <translation>请重新启动 Kindred 以使用新的图库位置或语言。</translation>
    </message>
    <message>
        <source>About Kindred</source>
        <translation>关于 Kindred</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;An offline family photo library that finds the people in your pictures. Your photos never leave this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;一个离线的家庭照片库，能找出照片中的人物。您的照片永远不会离开这台电脑。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Find &amp;faces</source>
        <translation>查找面孔(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Personalise face recognition</source>
        <translation>个性化人脸识别(&amp;P)</translation>
    </message>
    <message>
        <source>Learn from the faces you named to tell your family apart better</source>
        <translation>从您命名的面孔中学习，更好地区分家人</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Write names to files…</source>
        <translation>将名字写入文件(&amp;W)…</translation>
    </message>
    <message>
        <source>Save the names as tags other photo programs can read</source>
        <translation>将名字保存为其他照片程序可读取的标签</translation>
    </message>
    <message>
        <source>Write names to files</source>
        <translation>将名字写入文件</translation>
    </message>
    <message>
        <source>Save the names you gave as face tags that other photo programs (digiKam, Lightroom, Windows Photos, …) and a new Kindred library can read?</source>
        <translation>将您起的名字保存为其他照片程序（digiKam、Lightroom、Windows 照片等）和新的 Kindred 图库都能读取的人脸标签吗？</translation>
    </message>
    <message>
        <source>Sidecar files are small .xmp files saved next to each photo; your photos stay exactly as they are. Writing into the photos changes the photo files themselves (JPEG, PNG, TIFF, WebP; the picture is checked to stay identical). Only photos whose names changed are written.</source>
        <translation>附属文件是保存在每张照片旁边的小 .xmp 文件；您的照片保持原样。写入照片会修改照片文件本身（JPEG、PNG、TIFF、WebP；会检查图像保持不变）。只写入名字有变化的照片。</translation>
    </message>
    <message>
        <source>Write &amp;sidecar files</source>
        <translation>写入附属文件(&amp;S)</translation>
    </message>
    <message>
        <source>Write &amp;into the photos</source>
        <translation>写入照片(&amp;I)</translation>
    </message>
    <message>
        <source>Change your photo files?</source>
        <translation>要修改您的照片文件吗？</translation>
    </message>
    <message>
        <source>Kindred will rewrite the photos that have names, adding the names to their metadata. Make sure you have a backup of your photos first.</source>
        <translation>Kindred 将重写带有名字的照片，把名字加入其元数据。请先确认您已备份照片。</translation>
    </message>
    <message>
        <source>&amp;Rewrite photos</source>
        <translation>重写照片(&amp;R)</translation>
    </message>
    <message>
        <source>&lt;p&gt;The EdgeFace face recognition weights are by the Idiap Research Institute, under the BSD 3-Clause licence (its notice is in the details).&lt;/p&gt;</source>
        <translation>&lt;p&gt;EdgeFace 人脸识别权重由 Idiap 研究所提供，采用 BSD 3-Clause 许可证（许可声明见详细信息）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>EdgeFace face recognition weights (edgeface_xs_q.pt, edgeface_xxs_q.pt):</source>
        <translation>EdgeFace 人脸识别权重（edgeface_xs_q.pt、edgeface_xxs_q.pt）：</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleController</name>
    <message>
        <source>The catalog is damaged; nothing was changed.</source>
        <translation>目录已损坏；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleView</name>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation>还没有人物</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>The people could not be read: %1</source>
        <translation>无法读取人物：%1</translation>
    </message>
    <message>
        <source>Open a person to see their photos. Right-click for more; drag one person onto another to merge them.</source>
        <translation>打开一个人物即可查看其照片。右键单击查看更多操作；将一个人物拖到另一个人物上即可合并。</translation>
    </message>
    <message>
        <source>Show hidden people</source>
        <translation>显示隐藏的人物</translation>
    </message>
    <message>
        <source>When you name the faces Kindred finds (Unknown faces), the people appear here.</source>
        <translation>为 Kindred 找到的面孔命名后（未知面孔），人物会显示在这里。</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>Show photos</source>
        <translation>显示照片</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Choose cover face…</source>
        <translation>选择封面面孔…</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>重新显示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>删除人物…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>%1 的新名称：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>%1 is the same person as:</source>
        <translation>%1 与以下人物是同一人：</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除人物</translation>
    </message>
    <message>
        <source>Forget %1? Their faces go back to the unknown faces. (Edit ▸ Undo brings them back.)</source>
        <translation>忘记 %1？其面孔将回到未知面孔中。（编辑 ▸ 撤销可恢复。）</translation>
    </message>
    <message>
        <source>Cover face of %1</source>
        <translation>%1 的封面面孔</translation>
    </message>
    <message>
        <source>Pick the face that shows %1 best.</source>
        <translation>选择最能代表 %1 的面孔。</translation>
    </message>
    <message>
        <source>Merge %1 into %2? All of %1&apos;s faces become %2&apos;s.</source>
        <translation>将 %1 合并到 %2？%1 的所有面孔都将归入 %2。</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoGridView</name>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早的在前</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>按名称</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>Jump to a month</source>
        <translation>跳转到月份</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::PhotoListModel</name>
    <message>
        <source>(no preview)</source>
        <translation>（无预览）</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoView</name>
    <message>
        <source>Who is this?</source>
        <translation>这是谁？</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoViewer</name>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>返回照片（Esc）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation>上一张（左方向键）</translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation>下一张（右方向键）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 / %2</translation>
    </message>
    <message>
        <source>This photo cannot be shown: %1</source>
        <translation>无法显示这张照片：%1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (file date)</source>
        <translation>%1（文件日期）</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 像素，%3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Show the faces and their names (F)</source>
        <translation>显示面孔及其名称 (F)</translation>
    </message>
    <message>
        <source>Add a face Kindred missed: draw a box around it (D)</source>
        <translation>添加 Kindred 遗漏的面孔：在其周围画一个框 (D)</translation>
    </message>
    <message>
        <source>Add a face</source>
        <translation>添加面孔</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1？</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Yes, this is %1</source>
        <translation>是的，这是 %1</translation>
    </message>
    <message>
        <source>No, this is not %1</source>
        <translation>不，这不是 %1</translation>
    </message>
    <message>
        <source>Name this face…</source>
        <translation>为此面孔命名…</translation>
    </message>
    <message>
        <source>This is someone else…</source>
        <translation>这是其他人…</translation>
    </message>
    <message>
        <source>Who is this?</source>
        <translation>这是谁？</translation>
    </message>
    <message>
        <source>This is not %1</source>
        <translation>这不是 %1</translation>
    </message>
    <message>
        <source>Ignore this face</source>
        <translation>忽略此面孔</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>不是面孔</translation>
    </message>
</context>
<context>
    <name>kindred::QuestionsView</name>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>是 (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>否 (N)</translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation>跳过 (S)</translation>
    </message>
    <message>
        <source>No questions</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>The questions could not be read: %1</source>
        <translation>无法读取问题：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n face(s)</source>
        <translation>
            <numerusform>约 %n 张人脸</numerusform>
        </translation>
    </message>
    <message>
        <source>Is this group &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>这一组是 &lt;b&gt;%1&lt;/b&gt; 吗？</translation>
    </message>
    <message numerus="yes">
        <source>This group: %n face(s)</source>
        <translation>
            <numerusform>这一组：%n 张人脸</numerusform>
        </translation>
    </message>
    <message>
        <source> (the best %1 shown)</source>
        <translation>（显示最好的 %1 张）</translation>
    </message>
    <message>
        <source>%1, as you named them (%2 % sure)</source>
        <translation>%1，您已命名的人脸（%2% 把握）</translation>
    </message>
    <message>
        <source>Not in this group (Del)</source>
        <translation>不属于这一组 (Del)</translation>
    </message>
    <message>
        <source>Select faces of the group that are someone else, then take them out before answering.</source>
        <translation>选择组中属于其他人的人脸，在回答前将其移出。</translation>
    </message>
    <message>
        <source>One answer names a whole group or joins two. &lt;b&gt;Y&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt;: no (never asked again). &lt;b&gt;S&lt;/b&gt;: skip. Edit ▸ Undo takes an answer back.</source>
        <translation>一个回答即可命名整个分组或合并两个分组。&lt;b&gt;Y&lt;/b&gt;：是。&lt;b&gt;N&lt;/b&gt;：否（不再询问）。&lt;b&gt;S&lt;/b&gt;：跳过。编辑 ▸ 撤销可收回回答。</translation>
    </message>
    <message>
        <source>When a whole group of unknown faces looks like someone you have named, or two groups look like one person, Kindred asks you here, once for the whole group.</source>
        <translation>当一整组未知面孔看起来像您已命名的人，或两个分组看起来是同一个人时，Kindred 会在这里询问您，整个分组只问一次。</translation>
    </message>
    <message>
        <source>Are these two groups the &lt;b&gt;same person&lt;/b&gt;?</source>
        <translation>这两个分组是&lt;b&gt;同一个人&lt;/b&gt;吗？</translation>
    </message>
    <message numerus="yes">
        <source>The other group: %n face(s) (%1 % sure)</source>
        <translation>
            <numerusform>另一个分组：%n 张面孔（%1 % 把握）</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, this is… (type a name, Enter)</source>
        <translation>是的，这是……（输入姓名，按回车）</translation>
    </message>
    <message>
        <source>Joins the two groups and names them in one answer</source>
        <translation>合并两个分组并用一个回答为其命名</translation>
    </message>
</context>
<context>
    <name>kindred::RestoreDialog</name>
    <message>
        <source>The catalog is damaged</source>
        <translation>目录已损坏</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kindred&apos;s catalog, where your names and groups are kept, is damaged.&lt;/b&gt; This can happen after a disk error, a sync tool or a crash of the computer. Kindred has not changed it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;保存您的姓名和分组的 Kindred 目录已损坏。&lt;/b&gt;磁盘错误、同步工具或电脑崩溃都可能造成这种情况。Kindred 没有更改它。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a backup to go on from where it was made. The damaged catalog is kept beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;选择一个备份，从它创建时的状态继续。损坏的目录会保留在旁边。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Restoring replaces the catalog with the chosen backup: names given since then are not in it. Today&apos;s catalog is backed up first and kept, so you can come back to it. Kindred starts again to restore.&lt;/p&gt;</source>
        <translation>&lt;p&gt;恢复会用所选备份替换目录：此后添加的姓名不在其中。当前目录会先备份并保留，您可以随时回到它。Kindred 会重新启动以完成恢复。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Start a new catalog</source>
        <translation>新建目录</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named faces</source>
        <translation>
            <numerusform>%n 张已命名的人脸</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;There is no backup of it. Names that were written to the photos (File ▸ Write names to files) come back when a new catalog scans them: choose &lt;i&gt;Start a new catalog&lt;/i&gt;. The damaged one is kept beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;它没有备份。已写入照片的姓名（文件 ▸ 将姓名写入文件）会在新目录扫描照片时恢复：请选择&lt;i&gt;新建目录&lt;/i&gt;。损坏的目录会保留在旁边。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>kindred::ScanJob</name>
    <message>
        <source>Scan failed: %1</source>
        <translation>扫描失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Scan cancelled after %n file(s)</source>
        <translation>
            <numerusform>扫描在处理 %n 个文件后被取消</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found</source>
        <translation>
            <numerusform>找到 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n 张新照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n 张已移动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n 张缺失</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n 个无法读取</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SearchView</name>
    <message>
        <source>Taken between</source>
        <translation>拍摄时间介于</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>所有位置</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>人物：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Nobody has been named yet. Name people first, then search for them here.</source>
        <translation>还没有为任何人命名。请先命名人物，然后在这里搜索。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found.</source>
        <translation>
            <numerusform>找到 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>添加人物…</translation>
    </message>
    <message>
        <source>Click a person to switch between with (AND), or (OR) and not (NOT); Delete removes them.</source>
        <translation>单击人物可在“和”(AND)、“或”(OR)、“不含”(NOT) 之间切换；按 Delete 键移除。</translation>
    </message>
    <message>
        <source>with = in every photo, or = at least one of them, not = in none</source>
        <translation>和 = 出现在每张照片中，或 = 至少出现其中一人，不含 = 都不出现</translation>
    </message>
    <message>
        <source>Add one or more people and press Search.</source>
        <translation>添加一个或多个人物，然后点击“搜索”。</translation>
    </message>
    <message>
        <source>Nobody is called %1.</source>
        <translation>没有名为 %1 的人物。</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>和 %1</translation>
    </message>
    <message>
        <source>or %1</source>
        <translation>或 %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>不含 %1</translation>
    </message>
    <message>
        <source>Add at least one person.</source>
        <translation>请至少添加一个人物。</translation>
    </message>
</context>
<context>
    <name>kindred::SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>全部核心（%1）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Look for faces in new photos after each scan</source>
        <translation>每次扫描后在新照片中查找面孔</translation>
    </message>
    <message>
        <source>Rescan my folders when Kindred starts</source>
        <translation>启动 Kindred 时重新扫描我的文件夹</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Library location:</source>
        <translation>图库位置：</translation>
    </message>
    <message>
        <source>Default location</source>
        <translation>默认位置</translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation>模型文件夹：</translation>
    </message>
    <message>
        <source>Models shipped with Kindred</source>
        <translation>Kindred 自带的模型</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>人脸识别</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU 线程数：</translation>
    </message>
    <message>
        <source>Smallest face:</source>
        <translation>最小面孔：</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>后台任务</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Changes to the library location and the language take effect when Kindred is restarted.</source>
        <translation>图库位置和语言的更改将在重新启动 Kindred 后生效。</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Choose an InceptionResnetV1 checkpoint</source>
        <translation>选择 InceptionResnetV1 检查点</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch 检查点 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>InceptionResnetV1 (checkpoint file)</source>
        <translation>InceptionResnetV1（检查点文件）</translation>
    </message>
    <message>
        <source>Kindred does not ship these weights. Download &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; from the releases of facenet-pytorch (github.com/timesler/facenet-pytorch) and choose the file here. Faces found so far are described again with the new model.</source>
        <translation>Kindred 不附带这些权重。请从 facenet-pytorch 的发布页面（github.com/timesler/facenet-pytorch）下载 &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt;，然后在此处选择该文件。已找到的面孔会用新模型重新描述。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Face model:</source>
        <translation>面孔模型：</translation>
    </message>
    <message>
        <source>Checkpoint file:</source>
        <translation>检查点文件：</translation>
    </message>
    <message>
        <source>Choose the InceptionResnetV1 checkpoint file, or use the default face model.</source>
        <translation>请选择 InceptionResnetV1 检查点文件，或使用默认面孔模型。</translation>
    </message>
    <message>
        <source>The checkpoint file %1 does not exist or cannot be read.</source>
        <translation>检查点文件 %1 不存在或无法读取。</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA, not available on this computer)</source>
        <translation>NVIDIA GPU（CUDA，此电脑不可用）</translation>
    </message>
    <message>
        <source>Learn from the names I give to tell my family apart better (in the background)</source>
        <translation>根据我给出的名字学习，更好地区分我的家人（在后台进行）</translation>
    </message>
    <message>
        <source>Automatic (recommended: EdgeFace-XS)</source>
        <translation>自动（推荐：EdgeFace-XS）</translation>
    </message>
    <message>
        <source>EdgeFace-XS</source>
        <translation>EdgeFace-XS</translation>
    </message>
    <message>
        <source>FaceRecognitionNet (the first network)</source>
        <translation>FaceRecognitionNet（第一个网络）</translation>
    </message>
    <message>
        <source>EdgeFace-XXS (faster, less accurate)</source>
        <translation>EdgeFace-XXS（更快，准确度较低）</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>上次备份失败：%1</translation>
    </message>
    <message>
        <source>Kindred backs up your names daily and after you name people, into %1. There is no backup yet.</source>
        <translation>Kindred 每天以及您命名人物之后都会把姓名备份到 %1。目前还没有备份。</translation>
    </message>
    <message numerus="yes">
        <source>Kindred backs up your names daily and after you name people, into %1. %n backup(s) (%2), the newest from %3.</source>
        <translation>
            <numerusform>Kindred 每天以及您命名人物之后都会把姓名备份到 %1。共 %n 个备份（%2），最新的来自 %3。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SuggestionsView</name>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Is this who Kindred thinks? &lt;b&gt;Y&lt;/b&gt; or &lt;b&gt;Enter&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt; or &lt;b&gt;Delete&lt;/b&gt;: no. Select several faces to answer for all of them.</source>
        <translation>是 Kindred 认为的那个人吗？&lt;b&gt;Y&lt;/b&gt; 或 &lt;b&gt;Enter&lt;/b&gt;：是。&lt;b&gt;N&lt;/b&gt; 或 &lt;b&gt;Delete&lt;/b&gt;：否。选择多张面孔可一次回答全部。</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>是 (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>否 (N)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>没有需要确认的内容</translation>
    </message>
    <message>
        <source>When a face looks like someone you have already named, Kindred asks you here to confirm or reject it.</source>
        <translation>当某张面孔像您已命名的人时，Kindred 会在这里请您确认或拒绝。</translation>
    </message>
    <message>
        <source>Everyone (%1)</source>
        <translation>所有人 (%1)</translation>
    </message>
    <message>
        <source>The suggestions could not be read: %1</source>
        <translation>无法读取建议：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选择 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n 个待确认</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::ThumbnailProvider</name>
    <message>
        <source>No thumbnail could be made.</source>
        <translation>无法生成缩略图。</translation>
    </message>
</context>
<context>
    <name>kindred::UnknownFacesView</name>
    <message>
        <source>Unknown faces</source>
        <translation>未知面孔</translation>
    </message>
    <message>
        <source>Ignore selected groups</source>
        <translation>忽略所选分组</translation>
    </message>
    <message>
        <source>Strangers in the background: hide these faces for good (Delete). Undo brings them back.</source>
        <translation>背景中的陌生人：永久隐藏这些面孔 (Delete)。撤销可恢复。</translation>
    </message>
    <message>
        <source>Groups of faces that look alike, largest first.</source>
        <translation>相似面孔的分组，最大的在前。</translation>
    </message>
    <message>
        <source>Select faces that are someone else and take them out before naming the group.</source>
        <translation>选择属于其他人的面孔，在为该组命名前将其移出。</translation>
    </message>
    <message>
        <source>Not this person</source>
        <translation>不是此人</translation>
    </message>
    <message>
        <source>Take the selected faces out of this group (Delete)</source>
        <translation>将所选面孔移出此组 (Delete)</translation>
    </message>
    <message>
        <source>Ignore faces</source>
        <translation>忽略面孔</translation>
    </message>
    <message>
        <source>Hide the selected faces: strangers</source>
        <translation>隐藏所选面孔：陌生人</translation>
    </message>
    <message>
        <source>Who is this? Type a name…</source>
        <translation>这是谁？输入名称…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>命名</translation>
    </message>
    <message>
        <source>No unknown faces</source>
        <translation>没有未知面孔</translation>
    </message>
    <message>
        <source>Faces nobody has named yet appear here, grouped by likeness, once Kindred has looked for faces in your photos (File ▸ Find faces).</source>
        <translation>Kindred 在您的照片中查找面孔后（文件 ▸ 查找面孔），尚未命名的面孔会按相似度分组显示在这里。</translation>
    </message>
    <message>
        <source>The unknown faces could not be read: %1</source>
        <translation>无法读取未知面孔：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) that look like nobody else</source>
        <translation>
            <numerusform>%n 张与其他人都不像的面孔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A group of %n face(s)</source>
        <translation>
            <numerusform>一组 %n 张面孔</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1. Type a name…</source>
        <translation>看起来像 %1。输入名称…</translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>看起来像 %1</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>不是面孔</translation>
    </message>
    <message>
        <source>A hand, an ear, a pattern: move the selected faces (or, with none selected, the selected groups) to &quot;Not faces&quot; (N)</source>
        <translation>手、耳朵、图案：将选中的面孔（若未选中面孔，则为选中的分组）移到“不是面孔”（N）</translation>
    </message>
    <message>
        <source>It is a face</source>
        <translation>这是面孔</translation>
    </message>
    <message>
        <source>Bring the selected faces back among the unknown faces; Kindred will not hide them again</source>
        <translation>将选中的面孔放回未知面孔中；Kindred 不会再隐藏它们</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) hidden as not a face</source>
        <translation>
            <numerusform>%n 处检测结果被隐藏为“不是面孔”</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred hides what the face detector found but does not look like a face, a second box on a face already shown, and what you marked. Point at a face to see why. Select real faces and choose &quot;It is a face&quot;.</source>
        <translation>Kindred 会隐藏检测器找到但看起来不像面孔的内容、已显示面孔上的第二个框，以及您标记的内容。将鼠标指向面孔可查看原因。请选择真正的面孔，然后点击“这是面孔”。</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) that may not be faces</source>
        <translation>
            <numerusform>%n 个可能不是面孔的检测结果</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred is not sure these are faces (small, blurred or half hidden ones, hands, patterns) and keeps them out of the groups. Least sure first: select what is not a face and choose &quot;Not a face&quot;; choose &quot;It is a face&quot; for faces, and they join the groups.</source>
        <translation>Kindred 不确定这些是否是面孔（较小、模糊或被半遮挡的面孔，手，图案），因此不把它们放入分组。最不确定的排在前面：选择不是面孔的内容，然后点击“不是面孔”；对真正的面孔点击“这是面孔”，它们就会加入分组。</translation>
    </message>
    <message>
        <source>The selected detections are faces: Kindred groups them like any face</source>
        <translation>所选检测结果是面孔：Kindred 会像其他面孔一样为它们分组</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kindred</source>
        <translation>Kindred</translation>
    </message>
    <message>
        <source>The photo library could not be opened.
%1</source>
        <translation>无法打开照片库。
%1</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>无法恢复备份：%1</translation>
    </message>
    <message>
        <source>The backup was restored. The catalog it replaced is kept as %1.</source>
        <translation>备份已恢复。被替换的目录保存为 %1。</translation>
    </message>
    <message>
        <source>The damaged catalog could not be moved aside.</source>
        <translation>无法移开损坏的目录。</translation>
    </message>
    <message>
        <source>Catalog: %1
What SQLite found: %2</source>
        <translation>目录：%1
SQLite 发现：%2</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新启动</translation>
    </message>
</context>
</TS>
