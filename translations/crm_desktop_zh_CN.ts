<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About CRM Desktop</source>
        <translation>关于 CRM Desktop</translation>
    </message>
    <message>
        <source>&lt;h2&gt;CRM Desktop&lt;/h2&gt;&lt;p&gt;Version {version}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;CRM Desktop&lt;/h2&gt;&lt;p&gt;版本 {version}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Customers, follow-ups and deals for small businesses: offline, encrypted, optionally shared through a team server.</source>
        <translation>面向小型企业的客户、跟进和商机管理：可离线使用，数据加密，并可通过团队服务器共享。</translation>
    </message>
    <message>
        <source>Proprietary software; all rights reserved. The libraries listed below are used under their own licences (Qt and PySide6 under the LGPL v3).</source>
        <translation>专有软件，保留所有权利。下列程序库按各自的许可证使用（Qt 和 PySide6 采用 LGPL v3）。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>程序库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Running on {system}, Python {python}.</source>
        <translation>运行环境：{system}，Python {python}。</translation>
    </message>
</context>
<context>
    <name>AutoLockDialog</name>
    <message>
        <source>Auto-lock — CRM Desktop</source>
        <translation>自动锁定 — CRM Desktop</translation>
    </message>
    <message>
        <source>Without keyboard or mouse input for this long, the window hides its data and asks for the passphrase. Ctrl+L locks at once.</source>
        <translation>在这段时间内没有键盘或鼠标操作时，窗口会隐藏数据并要求输入密码。按 Ctrl+L 可立即锁定。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>锁定前等待(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups — CRM Desktop</source>
        <translation>备份 — CRM Desktop</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Back up &amp;automatically: daily, and at close if none today</source>
        <translation>自动备份：每天一次，当天未备份时在关闭时备份(&amp;A)</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Keep &amp;daily backups for:</source>
        <translation>每日备份保留(&amp;D)：</translation>
    </message>
    <message>
        <source>Keep &amp;weekly backups for:</source>
        <translation>每周备份保留(&amp;W)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Backups of this file, newest first:</source>
        <translation>此文件的备份（最新的在前）：</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>{when} — {size} MB — {name}</source>
        <translation>{when} — {size} MB — {name}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up and checked: {name}</source>
        <translation>已备份并校验：{name}</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>{stage} ({count})</source>
        <translation>{stage}（{count}）</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Set owner</source>
        <translation>设置负责人</translation>
    </message>
    <message>
        <source>Set tier</source>
        <translation>设置等级</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Owner set. Customers changed: {count}</source>
        <translation>已设置负责人。修改的客户：{count}</translation>
    </message>
    <message>
        <source>Tier set. Customers changed: {count}</source>
        <translation>已设置等级。修改的客户：{count}</translation>
    </message>
    <message>
        <source>Tag added. Customers changed: {count}</source>
        <translation>已添加标签。修改的客户：{count}</translation>
    </message>
    <message>
        <source>Tag removed. Customers changed: {count}</source>
        <translation>已移除标签。修改的客户：{count}</translation>
    </message>
    <message>
        <source>Moved to the trash: {count}</source>
        <translation>已移到回收站：{count}</translation>
    </message>
    <message>
        <source>Restored: {count}</source>
        <translation>已恢复：{count}</translation>
    </message>
    <message>
        <source>Move the selected customer to the trash? You can restore it from the Trash view.</source>
        <translation>将所选客户移到回收站？之后可在“回收站”视图中恢复。</translation>
    </message>
    <message>
        <source>Move the {count} selected customers to the trash? You can restore them from the Trash view.</source>
        <translation>将所选的 {count} 个客户移到回收站？之后可在“回收站”视图中恢复。</translation>
    </message>
    <message>
        <source>Bulk change</source>
        <translation>批量修改</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>1 day in stage</source>
        <translation>已在此阶段 1 天</translation>
    </message>
    <message>
        <source>{days} days in stage</source>
        <translation>已在此阶段 {days} 天</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Stalled · {percent} %</source>
        <translation>停滞 · {percent}%</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Price too high</source>
        <translation>价格太高</translation>
    </message>
    <message>
        <source>Chose a competitor</source>
        <translation>选择了竞争对手</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>没有预算</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>未做决定</translation>
    </message>
    <message>
        <source>Closed on:</source>
        <translation>结单日期：</translation>
    </message>
    <message>
        <source>Lost because:</source>
        <translation>输单原因：</translation>
    </message>
    <message>
        <source>Say why the opportunity was lost.</source>
        <translation>请说明输单原因。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结单时间</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Complete follow-up</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <source>{subject} — {customer}</source>
        <translation>{subject} — {customer}</translation>
    </message>
    <message>
        <source>What came of it?</source>
        <translation>结果如何？</translation>
    </message>
    <message>
        <source>Set when it happened</source>
        <translation>设置发生时间</translation>
    </message>
    <message>
        <source>Plan the next follow-up</source>
        <translation>安排下次跟进</translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation>设置截止时间</translation>
    </message>
    <message>
        <source>Set a reminder</source>
        <translation>设置提醒</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>完成时间：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S)：</translation>
    </message>
    <message>
        <source>Due time:</source>
        <translation>截止时间：</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>完成(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Messaging ID</source>
        <translation>即时通讯账号</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>&amp;Add contact</source>
        <translation>添加联系人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove contact</source>
        <translation>删除联系人(&amp;R)</translation>
    </message>
    <message>
        <source>Contact {row} ({name}): {problem}</source>
        <translation>联系人 {row}（{name}）：{problem}</translation>
    </message>
    <message>
        <source>Contact {row}: {problem}</source>
        <translation>联系人 {row}：{problem}</translation>
    </message>
</context>
<context>
    <name>CustomFieldsForm</name>
    <message>
        <source>{name}:</source>
        <translation>{name}：</translation>
    </message>
    <message>
        <source>No custom fields are defined yet (Tools › Custom fields).</source>
        <translation>尚未定义自定义字段（工具 › 自定义字段）。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>A number, e.g. 12.5</source>
        <translation>数字，如 12.5</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000 or +1 212 555 0100</source>
        <translation>如 138 0013 8000 或 +1 212 555 0100</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>城市(&amp;I)：</translation>
    </message>
    <message>
        <source>In&amp;dustry:</source>
        <translation>行业(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>等级(&amp;T)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>性别(&amp;G)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Custom fields&lt;/b&gt;</source>
        <translation>&lt;b&gt;自定义字段&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tags&lt;/b&gt;</source>
        <translation>&lt;b&gt;标签&lt;/b&gt;</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>Con&amp;tacts (%n)</source>
        <translation>
            <numerusform>联系人 (%n)(&amp;T)</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom &amp;fields and tags</source>
        <translation>自定义字段和标签(&amp;F)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a name, company, phone or pinyin…</source>
        <translation>输入名称、公司、电话或拼音…</translation>
    </message>
    <message>
        <source>Search customers…</source>
        <translation>搜索客户…</translation>
    </message>
</context>
<context>
    <name>CustomerTab</name>
    <message>
        <source>Customer actions</source>
        <translation>客户操作</translation>
    </message>
    <message>
        <source>In the trash: {count}</source>
        <translation>回收站中：{count}</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 个客户</translation>
    </message>
    <message>
        <source>{count} customers</source>
        <translation>{count} 个客户</translation>
    </message>
    <message>
        <source>{count}…</source>
        <translation>{count}…</translation>
    </message>
</context>
<context>
    <name>CustomerTable</name>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>DealList</name>
    <message>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Double-click an opportunity to open it.</source>
        <translation>双击商机即可打开。</translation>
    </message>
    <message>
        <source>Opportunities ({count})</source>
        <translation>商机（{count}）</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>{stage} ({status})</source>
        <translation>{stage}（{status}）</translation>
    </message>
</context>
<context>
    <name>DealStatus</name>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select a customer to see the details.</source>
        <translation>选择一个客户即可查看详细信息。</translation>
    </message>
    <message>
        <source>The details could not be loaded.</source>
        <translation>无法加载详细信息。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>In the trash since {when}</source>
        <translation>自 {when} 起在回收站中</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>{name} (primary)</source>
        <translation>{name}（主联系人）</translation>
    </message>
    <message>
        <source>No contacts.</source>
        <translation>没有联系人。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>动态</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>{channel}: {subject} ({status})</source>
        <translation>{channel}：{subject}（{status}）</translation>
    </message>
    <message>
        <source>Opportunity: {title} — {stage}, {amount}</source>
        <translation>商机：{title} — {stage}，{amount}</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>已从回收站恢复</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>已移到回收站</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop here: {stage} ✓</source>
        <translation>放到这里：{stage} ✓</translation>
    </message>
    <message>
        <source>Drop here: {stage} ✗</source>
        <translation>放到这里：{stage} ✗</translation>
    </message>
</context>
<context>
    <name>DuePrompt</name>
    <message>
        <source>Reschedule {count} follow-ups</source>
        <translation>重新安排 {count} 条跟进</translation>
    </message>
    <message>
        <source>New due time:</source>
        <translation>新的截止时间：</translation>
    </message>
</context>
<context>
    <name>DuplicateStrip</name>
    <message>
        <source>&lt;b&gt;This customer may already exist:&lt;/b&gt;</source>
        <translation>&lt;b&gt;此客户可能已存在：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{name} ({company})</source>
        <translation>{name}（{company}）</translation>
    </message>
    <message>
        <source>Same phone number as {customer}</source>
        <translation>与 {customer} 电话相同</translation>
    </message>
    <message>
        <source>Same e-mail address as {customer}</source>
        <translation>与 {customer} 邮箱相同</translation>
    </message>
    <message>
        <source>Same name and company as {customer}</source>
        <translation>与 {customer} 名称和公司相同</translation>
    </message>
    <message>
        <source>Open this customer</source>
        <translation>打开此客户</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…还有 %n 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <source>Same phone number ({count} records)</source>
        <translation>电话相同（{count} 条记录）</translation>
    </message>
    <message>
        <source>Same e-mail address ({count} records)</source>
        <translation>邮箱相同（{count} 条记录）</translation>
    </message>
    <message>
        <source>Same name and company ({count} records)</source>
        <translation>名称和公司相同（{count} 条记录）</translation>
    </message>
    <message>
        <source>Groups of possible duplicates: {count}. Select a group and merge it.</source>
        <translation>可能重复的分组：{count}。选择一组后进行合并。</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>未发现重复客户。</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>查找失败。</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>官网</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation>电话陌拜</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The passphrase may not be longer than {n} characters or contain NUL.</source>
        <translation>密码不能超过 {n} 个字符，也不能包含 NUL 字符。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出错了。</translation>
    </message>
    <message>
        <source>The {kind} no longer exists (it may have been deleted).</source>
        <translation>该{kind}已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>The database file {path} does not exist.</source>
        <translation>数据库文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>A file named {path} already exists; choose another name for a new database.</source>
        <translation>已存在名为 {path} 的文件，请为新数据库换一个名称。</translation>
    </message>
    <message>
        <source>The passphrase is wrong for {path}, or the file is not a CRM Desktop database.</source>
        <translation>{path} 的密码不正确，或者该文件不是 CRM Desktop 数据库。</translation>
    </message>
    <message>
        <source>{path} is a plain, unencrypted SQLite file, not a CRM Desktop database. It was left unchanged.</source>
        <translation>{path} 是未加密的普通 SQLite 文件，不是 CRM Desktop 数据库。文件未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is not a database file. It was left unchanged.</source>
        <translation>{path} 不是数据库文件。文件未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is an encrypted database but holds no CRM Desktop data. It was left unchanged.</source>
        <translation>{path} 是加密数据库，但不包含 CRM Desktop 数据。文件未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is read-only. CRM Desktop needs to write to the file and to its folder; check the file&apos;s permissions.</source>
        <translation>{path} 是只读的。CRM Desktop 需要写入该文件及其所在文件夹，请检查文件权限。</translation>
    </message>
    <message>
        <source>{path} is locked by another program. Close it there and try again.</source>
        <translation>{path} 已被其他程序锁定。请在那边关闭后重试。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of CRM Desktop (schema {found}; this version knows up to {known}). Update CRM Desktop to open it; the file was left unchanged.</source>
        <translation>{path} 由更新版本的 CRM Desktop 创建（数据库结构 {found}；本版本最高支持 {known}）。请升级 CRM Desktop 后再打开；文件未做任何改动。</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so the passphrase cannot be remembered. Type it each time instead.</source>
        <translation>这台电脑没有可用的系统钥匙串，无法记住密码。请每次手动输入。</translation>
    </message>
    <message>
        <source>The team server cannot be reached ({reason}). Your changes are kept and will be sent at the next sync.</source>
        <translation>无法连接团队服务器（{reason}）。您的修改已保留，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>The team server&apos;s database has version {server}, this CRM Desktop expects {client}. Update CRM Desktop (or run “crm-desktop server init” with the newer version).</source>
        <translation>团队服务器的数据库版本为 {server}，本 CRM Desktop 需要 {client}。请升级 CRM Desktop（或用新版本运行“crm-desktop server init”）。</translation>
    </message>
    <message>
        <source>The team server has no CRM Desktop data yet; run “crm-desktop server init”.</source>
        <translation>团队服务器上还没有 CRM Desktop 数据；请运行“crm-desktop server init”。</translation>
    </message>
    <message>
        <source>The server login {login} is not a member of the team; ask the owner to add it.</source>
        <translation>服务器登录名 {login} 不是团队成员；请联系所有者添加。</translation>
    </message>
    <message>
        <source>Amounts must be exact.</source>
        <translation>金额必须是精确值。</translation>
    </message>
    <message>
        <source>“{value}” is not an amount.</source>
        <translation>“{value}”不是有效的金额。</translation>
    </message>
    <message>
        <source>{currency} amounts have at most {digits} decimals.</source>
        <translation>{currency} 金额最多 {digits} 位小数。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额太大。</translation>
    </message>
    <message>
        <source>“{value}” is not a three-letter currency code.</source>
        <translation>“{value}”不是三个字母的货币代码。</translation>
    </message>
    <message>
        <source>The backup {file} failed: {reason}</source>
        <translation>备份 {file} 失败：{reason}</translation>
    </message>
    <message>
        <source>the copy cannot be read.</source>
        <translation>无法读取副本。</translation>
    </message>
    <message>
        <source>the copy fails its integrity check.</source>
        <translation>副本未通过完整性检查。</translation>
    </message>
    <message>
        <source>the folder cannot be created.</source>
        <translation>无法创建文件夹。</translation>
    </message>
    <message>
        <source>the file cannot be written.</source>
        <translation>无法写入文件。</translation>
    </message>
    <message>
        <source>the copy is incomplete.</source>
        <translation>副本不完整。</translation>
    </message>
    <message>
        <source>the copy is not keyed like the file.</source>
        <translation>副本的密钥与原文件不一致。</translation>
    </message>
    <message>
        <source>the file is damaged.</source>
        <translation>文件已损坏。</translation>
    </message>
    <message>
        <source>it could not be copied.</source>
        <translation>无法复制。</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Give up to {n} choices as a list.</source>
        <translation>最多以列表形式给出 {n} 个选项。</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the choices.</source>
        <translation>“{value}”不在可选项中。</translation>
    </message>
    <message>
        <source>custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>A choice field needs at least one choice.</source>
        <translation>选项字段至少需要一个选项。</translation>
    </message>
    <message>
        <source>The chosen user does not exist.</source>
        <translation>所选用户不存在。</translation>
    </message>
    <message>
        <source>Choose an existing customer.</source>
        <translation>请选择一个已有客户。</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Choose at least two customers to merge.</source>
        <translation>请至少选择两个客户进行合并。</translation>
    </message>
    <message>
        <source>This value cannot be chosen for the merge.</source>
        <translation>合并时不能选择此值。</translation>
    </message>
    <message>
        <source>“{name}” is not a field of this record.</source>
        <translation>“{name}”不是此记录的字段。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>{path} cannot be written. Check that the folder exists, that you may write there and that the file is not open in another program.</source>
        <translation>无法写入 {path}。请检查文件夹是否存在、您是否有写入权限，以及该文件是否已在其他程序中打开。</translation>
    </message>
    <message>
        <source>Only a planned follow-up can be completed.</source>
        <translation>只有计划中的跟进才能标记为完成。</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>The contact does not belong to this customer.</source>
        <translation>该联系人不属于此客户。</translation>
    </message>
    <message>
        <source>The opportunity does not belong to this customer.</source>
        <translation>该商机不属于此客户。</translation>
    </message>
    <message>
        <source>A planned follow-up needs a due time.</source>
        <translation>计划中的跟进需要截止时间。</translation>
    </message>
    <message>
        <source>it ends in the middle of a character or quoted text; it may be cut off.</source>
        <translation>文件在某个字符或引号内的文本中间结束，可能不完整。</translation>
    </message>
    <message>
        <source>{path} cannot be imported: {reason}</source>
        <translation>无法导入 {path}：{reason}</translation>
    </message>
    <message>
        <source>the file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>the file is larger than 512 MB.</source>
        <translation>文件大于 512 MB。</translation>
    </message>
    <message>
        <source>it is not a text file.</source>
        <translation>这不是文本文件。</translation>
    </message>
    <message>
        <source>its text encoding is not recognised.</source>
        <translation>无法识别其文本编码。</translation>
    </message>
    <message>
        <source>it is not a readable CSV file.</source>
        <translation>这不是可读取的 CSV 文件。</translation>
    </message>
    <message>
        <source>it is not a readable Excel (.xlsx) file.</source>
        <translation>这不是可读取的 Excel (.xlsx) 文件。</translation>
    </message>
    <message>
        <source>it unpacks to an unreasonable size.</source>
        <translation>解压后的大小不合理。</translation>
    </message>
    <message>
        <source>it has more than 500 columns.</source>
        <translation>列数超过 500。</translation>
    </message>
    <message>
        <source>it holds no rows.</source>
        <translation>其中没有数据行。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>Choose the column that holds the name.</source>
        <translation>请选择包含名称的列。</translation>
    </message>
    <message>
        <source>There is no user “{value}”.</source>
        <translation>没有名为“{value}”的用户。</translation>
    </message>
    <message>
        <source>At most {n} characters are allowed here.</source>
        <translation>此处最多允许 {n} 个字符。</translation>
    </message>
    <message>
        <source>{file} is already open in another CRM Desktop window (process {pid}). Switch to that window, or close it and try again.</source>
        <translation>{file} 已在另一个 CRM Desktop 窗口中打开（进程 {pid}）。请切换到该窗口，或将其关闭后重试。</translation>
    </message>
    <message>
        <source>opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Choose an existing stage.</source>
        <translation>请选择一个已有阶段。</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Say why the opportunity was lost.</source>
        <translation>请说明输单原因。</translation>
    </message>
    <message>
        <source>The close date is in the future.</source>
        <translation>结单日期在未来。</translation>
    </message>
    <message>
        <source>The passphrase of {file} could not be changed; the old passphrase still opens it. Close other programs that use the file and try again.</source>
        <translation>无法修改 {file} 的密码；原密码仍然有效。请关闭使用该文件的其他程序后重试。</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
    <message>
        <source>CRM Desktop is locked. Unlock it to continue.</source>
        <translation>CRM Desktop 已锁定。请解锁后继续。</translation>
    </message>
    <message>
        <source>The view cannot be saved.</source>
        <translation>无法保存该视图。</translation>
    </message>
    <message>
        <source>saved view</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <source>Choose the stage that takes this stage&apos;s opportunities.</source>
        <translation>请选择接收此阶段商机的阶段。</translation>
    </message>
    <message>
        <source>The pipeline needs at least one open stage.</source>
        <translation>销售漏斗至少需要一个进行中的阶段。</translation>
    </message>
    <message>
        <source>The follow-up needs a subject.</source>
        <translation>跟进需要填写主题。</translation>
    </message>
    <message>
        <source>Choose between 0 and {most} days.</source>
        <translation>请选择 0 到 {most} 天。</translation>
    </message>
    <message>
        <source>Choose between 1 and {most} days.</source>
        <translation>请选择 1 到 {most} 天。</translation>
    </message>
    <message>
        <source>A tag named “{name}” already exists.</source>
        <translation>名为“{name}”的标签已存在。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>A user name may not contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>The user name “{name}” is already taken.</source>
        <translation>用户名“{name}”已被占用。</translation>
    </message>
    <message>
        <source>The text contains a NUL character.</source>
        <translation>文本中包含 NUL 字符。</translation>
    </message>
    <message>
        <source>The text contains a broken character.</source>
        <translation>文本中包含损坏的字符。</translation>
    </message>
    <message>
        <source>Text is expected here.</source>
        <translation>此处应为文本。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid choice.</source>
        <translation>“{value}”不是有效的选项。</translation>
    </message>
    <message>
        <source>Yes or no is expected.</source>
        <translation>此处应为“是”或“否”。</translation>
    </message>
    <message>
        <source>A whole number is expected.</source>
        <translation>此处应为整数。</translation>
    </message>
    <message>
        <source>The number must be between {lo} and {hi}.</source>
        <translation>数值必须在 {lo} 到 {hi} 之间。</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD).</source>
        <translation>“{value}”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>A date is expected.</source>
        <translation>此处应为日期。</translation>
    </message>
    <message>
        <source>The date {value} is out of range.</source>
        <translation>日期 {value} 超出范围。</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time.</source>
        <translation>“{value}”不是日期时间。</translation>
    </message>
    <message>
        <source>A date and time with a time zone is expected.</source>
        <translation>此处应为带时区的日期时间。</translation>
    </message>
    <message>
        <source>The time is out of range.</source>
        <translation>时间超出范围。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid e-mail address.</source>
        <translation>“{value}”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>Choose a customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>“{value}” is not a date.</source>
        <translation>“{value}”不是日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a period: use 2026-07, 2026-Q3, 2026 or 2026-07-01..2026-09-30.</source>
        <translation>“{value}”不是有效的时间段：请使用 2026-07、2026-Q3、2026 或 2026-07-01..2026-09-30。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>customers.xlsx</source>
        <translation>客户.xlsx</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;CSV, UTF-8 (.csv)</source>
        <translation>CSV，UTF-8 (.csv)(&amp;C)</translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation>正在统计客户…</translation>
    </message>
    <message>
        <source>The exported file is &lt;b&gt;not encrypted&lt;/b&gt;: anyone who gets it can read these customers&apos; details. Keep it somewhere safe and delete it when it is no longer needed.</source>
        <translation>导出的文件&lt;b&gt;未加密&lt;/b&gt;：任何拿到它的人都能看到这些客户的信息。请妥善保管，不再需要时及时删除。</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Customers in the current view: {n}</source>
        <translation>当前视图中的客户：{n}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>The export failed; no file was written.</source>
        <translation>导出失败，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8 or GBK, any delimiter) or an Excel workbook (.xlsx).</source>
        <translation>CSV 文件（UTF-8 或 GBK，任意分隔符）或 Excel 工作簿 (.xlsx)。</translation>
    </message>
    <message>
        <source>Path of a .csv or .xlsx file</source>
        <translation>.csv 或 .xlsx 文件的路径</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>电子表格 (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>GBK / GB18030</source>
        <translation>GBK / GB18030</translation>
    </message>
    <message>
        <source>Excel workbook. Data rows: {rows}. Columns: {columns}.</source>
        <translation>Excel 工作簿。数据行：{rows}。列：{columns}。</translation>
    </message>
    <message>
        <source>Text encoding: {encoding}. Delimiter: {delimiter}. Data rows: {rows}. Columns: {columns}.</source>
        <translation>文本编码：{encoding}。分隔符：{delimiter}。数据行：{rows}。列：{columns}。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation>任意客户</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>All opportunities</source>
        <translation>全部商机</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <source>Next 90 days</source>
        <translation>未来 90 天</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Closing:</source>
        <translation>成交时间：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Not an amount; ignored.</source>
        <translation>不是金额，已忽略。</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No contact for</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Open opportunity</source>
        <translation>有进行中的商机</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>创建日期从</translation>
    </message>
    <message>
        <source>Created to</source>
        <translation>创建日期至</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>CRM Desktop databases (*.db)</source>
        <translation>CRM Desktop 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation>欢迎使用 CRM Desktop</translation>
    </message>
    <message>
        <source>Your customers live in one encrypted database file. Choose one:</source>
        <translation>您的客户保存在一个加密的数据库文件中。请选择：</translation>
    </message>
    <message>
        <source>Create a &amp;new database</source>
        <translation>新建数据库(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open an existing database</source>
        <translation>打开已有数据库(&amp;O)</translation>
    </message>
    <message>
        <source>Try the &amp;demo database</source>
        <translation>试用演示数据库(&amp;D)</translation>
    </message>
    <message>
        <source>At least 8 characters. Nobody can recover the data without it, so keep it safe.</source>
        <translation>至少 8 个字符。没有它，任何人都无法恢复数据，请妥善保管。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>Opens a demo database of {count} invented customers with their follow-ups and deals, kept in {path}. Its passphrase is “{passphrase}”. Making it takes a little while the first time.</source>
        <translation>将打开一个包含 {count} 个虚构客户及其跟进和商机的演示数据库，保存在 {path}。其密码为“{passphrase}”。首次生成需要一点时间。</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>请选择文件。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Making the demo database…</source>
        <translation>正在生成演示数据库…</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>演示数据库</translation>
    </message>
    <message>
        <source>The database could not be made: {reason}</source>
        <translation>无法创建数据库：{reason}</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Edit follow-up</source>
        <translation>编辑跟进</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>新建跟进</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Set when it happened</source>
        <translation>设置发生时间</translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation>设置截止时间</translation>
    </message>
    <message>
        <source>Set a reminder</source>
        <translation>设置提醒</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>联系人(&amp;O)：</translation>
    </message>
    <message>
        <source>O&amp;pportunity:</source>
        <translation>商机(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W)：</translation>
    </message>
    <message>
        <source>Happened:</source>
        <translation>发生时间：</translation>
    </message>
    <message>
        <source>Due time:</source>
        <translation>截止时间：</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>结果(&amp;U)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <source>&amp;Log or plan…</source>
        <translation>记录或安排跟进(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Complete…</source>
        <translation>完成(&amp;C)…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>转给他人…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>重新安排…</translation>
    </message>
    <message>
        <source>Cancel follow-ups</source>
        <translation>取消跟进</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <source>Planned follow-ups in this view…</source>
        <translation>此视图中计划的跟进…</translation>
    </message>
    <message>
        <source>Of the selected customer…</source>
        <translation>所选客户的…</translation>
    </message>
    <message>
        <source>Of the selected owner…</source>
        <translation>所选负责人的…</translation>
    </message>
    <message>
        <source>{count} follow-ups</source>
        <translation>{count} 条跟进</translation>
    </message>
    <message>
        <source>{count} follow-ups so far…</source>
        <translation>已找到 {count} 条跟进…</translation>
    </message>
    <message>
        <source>&amp;Follow-ups ({count})</source>
        <translation>跟进 ({count})(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>跟进(&amp;F)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Reminders missed while CRM Desktop was closed: {count}</source>
        <translation>CRM Desktop 关闭期间错过的提醒：{count}</translation>
    </message>
    <message>
        <source>Follow-up reminder</source>
        <translation>跟进提醒</translation>
    </message>
    <message>
        <source>{count} follow-up reminders</source>
        <translation>{count} 条跟进提醒</translation>
    </message>
    <message>
        <source>{subject} — {customer} ({channel}, due {due})</source>
        <translation>{subject} — {customer}（{channel}，截止 {due}）</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 还有 {count} 条</translation>
    </message>
    <message>
        <source>{count} follow-ups reassigned</source>
        <translation>已转交 {count} 条跟进</translation>
    </message>
    <message>
        <source>{count} follow-ups rescheduled</source>
        <translation>已重新安排 {count} 条跟进</translation>
    </message>
    <message>
        <source>{count} follow-ups cancelled</source>
        <translation>已取消 {count} 条跟进</translation>
    </message>
    <message>
        <source>Cancel the {count} selected planned follow-ups?</source>
        <translation>取消所选的 {count} 条计划跟进？</translation>
    </message>
    <message>
        <source>{count} planned follow-ups exported to {file}</source>
        <translation>已将 {count} 条计划跟进导出到 {file}</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>日历 (*.ics)</translation>
    </message>
    <message>
        <source>Follow-ups: {error}</source>
        <translation>跟进：{error}</translation>
    </message>
</context>
<context>
    <name>FollowUpViews</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Upcoming (7 days)</source>
        <translation>即将到期（7 天内）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ForecastPanel</name>
    <message>
        <source>Forecast of open deals</source>
        <translation>进行中商机的预测</translation>
    </message>
    <message>
        <source>Month / owner</source>
        <translation>月份 / 负责人</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <source>No expected close</source>
        <translation>未设预计成交日期</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>&amp;Remember the passphrase in the system keychain</source>
        <translation>在系统钥匙串中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so the passphrase has to be typed at each start.</source>
        <translation>这台电脑没有可用的系统钥匙串，每次启动都需要输入密码。</translation>
    </message>
</context>
<context>
    <name>KeychainDialog</name>
    <message>
        <source>Keychain entry — CRM Desktop</source>
        <translation>钥匙串条目 — CRM Desktop</translation>
    </message>
    <message>
        <source>&amp;Remember / refresh</source>
        <translation>记住 / 更新(&amp;R)</translation>
    </message>
    <message>
        <source>R&amp;emove entry</source>
        <translation>删除条目(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer; the passphrase is asked at each start.</source>
        <translation>这台电脑没有可用的系统钥匙串；每次启动都会询问密码。</translation>
    </message>
    <message>
        <source>The system keychain remembers the passphrase of {file}: it opens without asking. Remove the entry to be asked at each start.</source>
        <translation>系统钥匙串已记住 {file} 的密码：打开时无需输入。删除该条目后，每次启动都会询问密码。</translation>
    </message>
    <message>
        <source>The system keychain does not remember the passphrase of {file}. Type it below to remember it.</source>
        <translation>系统钥匙串未记住 {file} 的密码。在下方输入即可记住。</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>Dates, times, numbers and amounts follow the language; the window changes at once, without a restart.</source>
        <translation>日期、时间、数字和金额的格式随语言变化；窗口会立即切换，无需重启。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>CRM Desktop is locked</source>
        <translation>CRM Desktop 已锁定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{file} — CRM Desktop</source>
        <translation>{file} — CRM Desktop</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>跟进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Opportunities</source>
        <translation>商机(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>Search customers: name, company, phone, pinyin… (Ctrl+K)</source>
        <translation>搜索客户：名称、公司、电话、拼音…（Ctrl+K）</translation>
    </message>
    <message>
        <source>CRM Desktop</source>
        <translation>CRM Desktop</translation>
    </message>
    <message>
        <source>Overdue: {count}</source>
        <translation>已逾期：{count}</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>编辑客户(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Find customers</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export customer list…</source>
        <translation>导出客户列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;workbook (reports and lists)…</source>
        <translation>导出工作簿（报表和列表）(&amp;W)…</translation>
    </message>
    <message>
        <source>Find &amp;duplicate customers…</source>
        <translation>查找重复客户(&amp;D)…</translation>
    </message>
    <message>
        <source>Pipeline &amp;stages…</source>
        <translation>销售阶段(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About CRM Desktop</source>
        <translation>关于 CRM Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Team s&amp;ync…</source>
        <translation>团队同步(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>用户：{name}</translation>
    </message>
    <message>
        <source>{customers} customers · {followups} follow-ups · {opportunities} opportunities</source>
        <translation>{customers} 个客户 · {followups} 条跟进 · {opportunities} 个商机</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Choose which customer field each column fills, or skip the column.</source>
        <translation>为文件中的每一列选择要填入的客户字段，或跳过该列。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region / province</source>
        <translation>地区 / 省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>(skip this column)</source>
        <translation>（跳过此列）</translation>
    </message>
    <message>
        <source>“{field}” is chosen for more than one column.</source>
        <translation>“{field}”被选给了多个列。</translation>
    </message>
    <message>
        <source>Choose the column that holds the name.</source>
        <translation>请选择包含名称的列。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Choose the record to keep and, for each field that differs, the value it keeps. Every contact, follow-up and opportunity moves to the kept record, tags are combined, and the other records go to the trash.</source>
        <translation>选择要保留的记录，并为每个不同的字段选择要保留的值。所有联系人、跟进和商机都会转到保留的记录上，标签会合并，其他记录将移到回收站。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Fewer than two of these customers still exist.</source>
        <translation>这些客户中仍存在的已不足两个。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留此记录</translation>
    </message>
    <message>
        <source>&lt;b&gt;After the merge&lt;/b&gt;</source>
        <translation>&lt;b&gt;合并后&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>All fields have the same values in every record.</source>
        <translation>所有记录的各字段值都相同。</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Follow-ups:</source>
        <translation>跟进：</translation>
    </message>
    <message>
        <source>Opportunities:</source>
        <translation>商机：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{company}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{company}</translation>
    </message>
    <message>
        <source>The other records go to the trash; their history stays with the survivor.</source>
        <translation>其他记录将移到回收站；它们的历史记录会并入保留的客户。</translation>
    </message>
    <message>
        <source>Merge “{other}” into “{name}”?</source>
        <translation>将“{other}”合并到“{name}”？</translation>
    </message>
    <message>
        <source>Merge {count} other records into “{name}”?</source>
        <translation>将其他 {count} 条记录合并到“{name}”？</translation>
    </message>
    <message>
        <source>The merge failed; nothing was changed.</source>
        <translation>合并失败，未做任何修改。</translation>
    </message>
</context>
<context>
    <name>MultiSelectButton</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{names} +{more}</source>
        <translation>{names} 等 +{more}</translation>
    </message>
</context>
<context>
    <name>NotificationList</name>
    <message>
        <source>&amp;Snooze</source>
        <translation>稍后提醒(&amp;S)</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>标记为已完成(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;ismiss</source>
        <translation>忽略(&amp;I)</translation>
    </message>
    <message>
        <source>{subject} — {customer} ({channel}, due {due})</source>
        <translation>{subject} — {customer}（{channel}，截止 {due}）</translation>
    </message>
    <message>
        <source>Reminders due: {count}</source>
        <translation>到期的提醒：{count}</translation>
    </message>
</context>
<context>
    <name>OpportunityEditor</name>
    <message>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation>赢率：</translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation>预计成交：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Lost reason:</source>
        <translation>输单原因：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Stage default ({percent} %)</source>
        <translation>阶段默认（{percent}%）</translation>
    </message>
</context>
<context>
    <name>OpportunityTab</name>
    <message>
        <source>&amp;New opportunity…</source>
        <translation>新建商机(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Stages…</source>
        <translation>阶段(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>表格(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Forecast</source>
        <translation>预测(&amp;F)</translation>
    </message>
</context>
<context>
    <name>OpportunityTable</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结单</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Duplicates</source>
        <translation>重复数据</translation>
    </message>
    <message>
        <source>A row is a duplicate when its phone number, e-mail address, or name and company match a customer already in the file (or an earlier row).</source>
        <translation>如果某行的电话号码、邮箱，或名称加公司与文件中已有客户（或前面的某行）一致，即视为重复。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Skip the row (keep the existing customer as it is)</source>
        <translation>跳过该行（保持现有客户不变）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Update the existing customer with the row</source>
        <translation>用该行更新现有客户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Create a new customer anyway</source>
        <translation>仍然新建客户(&amp;C)</translation>
    </message>
</context>
<context>
    <name>OwnerPrompt</name>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reassign {count} follow-ups</source>
        <translation>将 {count} 条跟进转给他人</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>新负责人：</translation>
    </message>
</context>
<context>
    <name>PassphraseChangeDialog</name>
    <message>
        <source>Change passphrase — CRM Desktop</source>
        <translation>修改密码 — CRM Desktop</translation>
    </message>
    <message>
        <source>The whole file &lt;b&gt;{file}&lt;/b&gt; is encrypted again with the new passphrase. Backups made before keep the old one.</source>
        <translation>整个文件 &lt;b&gt;{file}&lt;/b&gt; 将用新密码重新加密。之前的备份仍使用旧密码。</translation>
    </message>
    <message>
        <source>Update it in the system keychain</source>
        <translation>在系统钥匙串中更新</translation>
    </message>
    <message>
        <source>Do not remember it</source>
        <translation>不记住</translation>
    </message>
    <message>
        <source>Remove it from the system keychain</source>
        <translation>从系统钥匙串中删除</translation>
    </message>
    <message>
        <source>Remember it in the system keychain</source>
        <translation>记住在系统钥匙串中</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat the new one:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Keychain:</source>
        <translation>钥匙串(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>检查数据行</translation>
    </message>
    <message>
        <source>Rows with problems are highlighted; they are left out of the import.</source>
        <translation>有问题的行已高亮显示，不会被导入。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Rows ready to import: {ready}. Rows with problems, which will be left out: {left}.</source>
        <translation>可以导入的行：{ready}。有问题、将被跳过的行：{left}。</translation>
    </message>
    <message>
        <source>Rows ready to import: {ready}.</source>
        <translation>可以导入的行：{ready}。</translation>
    </message>
    <message>
        <source>The check failed.</source>
        <translation>检查失败。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>In 10 minutes</source>
        <translation>10 分钟后</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>明天上午</translation>
    </message>
</context>
<context>
    <name>ReportCard</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport workbook…</source>
        <translation>导出工作簿(&amp;X)…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Pipeline funnel (deals opened in the period)</source>
        <translation>销售漏斗（本期新建的商机）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Won revenue by month</source>
        <translation>每月赢单收入</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>New customers by month</source>
        <translation>每月新增客户</translation>
    </message>
    <message>
        <source>Churn: active customers who went dormant or lost</source>
        <translation>客户流失：转为沉睡或流失的活跃客户</translation>
    </message>
    <message>
        <source>Win rate, revenue and deal cycle by owner</source>
        <translation>各负责人的赢单率、收入和成交周期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Days to win</source>
        <translation>赢单天数</translation>
    </message>
    <message>
        <source>Follow-up activity by owner and channel</source>
        <translation>各负责人、各方式的跟进活动</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Customers by</source>
        <translation>客户分布：按</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Forecast by month (open deals)</source>
        <translation>每月预测（进行中的商机）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>The reports could not be computed: {error}</source>
        <translation>无法计算报表：{error}</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>{value}%</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Churn rate {rate}: {churned} of {base} active customers</source>
        <translation>流失率 {rate}：{base} 个活跃客户中流失 {churned} 个</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>{n} others</source>
        <translation>其他 {n} 项</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>report {period}.xlsx</source>
        <translation>报表 {period}.xlsx</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Workbook written: {path}</source>
        <translation>工作簿已写入：{path}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup — CRM Desktop</source>
        <translation>恢复备份 — CRM Desktop</translation>
    </message>
    <message>
        <source>Restore &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>恢复 &lt;b&gt;{name}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Into a &amp;new file:</source>
        <translation>恢复到新文件(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Over the open file {name} (it is backed up first and keeps its passphrase)</source>
        <translation>覆盖当前打开的文件 {name}（会先备份，并保留其密码）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Passphrase of the &amp;backup:</source>
        <translation>备份的密码(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Importing… Cancel stops the import and keeps nothing.</source>
        <translation>正在导入… 点击“取消”将停止导入并不保留任何内容。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>New customers: {n}</source>
        <translation>新客户：{n}</translation>
    </message>
    <message>
        <source>Existing customers updated: {n}</source>
        <translation>已更新的现有客户：{n}</translation>
    </message>
    <message>
        <source>Duplicate rows skipped: {n}</source>
        <translation>跳过的重复行：{n}</translation>
    </message>
    <message>
        <source>Rows with problems, left out: {n}</source>
        <translation>有问题而被跳过的行：{n}</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation>导入失败，未导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Bac&amp;kups…</source>
        <translation>备份(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Keychain entry…</source>
        <translation>钥匙串条目(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Auto-lock…</source>
        <translation>自动锁定(&amp;A)…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up and checked: {path}</source>
        <translation>已备份并校验：{path}</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>CRM Desktop backups (*{suffix});;All files (*)</source>
        <translation>CRM Desktop 备份 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The backup was restored. What the file held before is kept in {path}.</source>
        <translation>备份已恢复。文件原来的内容保存在 {path}。</translation>
    </message>
    <message>
        <source>The backup was restored into {path}. Open it with File → Open.</source>
        <translation>备份已恢复到 {path}。请用“文件 → 打开数据库”打开它。</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>SavedViewList</name>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>Save the current filters, sort and columns</source>
        <translation>保存当前的筛选、排序和列</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>重命名视图</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>CRM Desktop</source>
        <translation>CRM Desktop</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Qualification</source>
        <translation>初步接洽</translation>
    </message>
    <message>
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>StagesDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>Plan a follow-up when a deal enters this stage</source>
        <translation>商机进入此阶段时安排一条跟进</translation>
    </message>
    <message>
        <source> days later</source>
        <translation> 天后</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Default probability:</source>
        <translation>默认赢率：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Follow-up subject:</source>
        <translation>跟进主题：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>截止：</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Flag deals as stalled after (days):</source>
        <translation>多少天无进展标记为停滞：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>{name} · {percent} % · {kind}</source>
        <translation>{name} · {percent}% · {kind}</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>删除阶段</translation>
    </message>
    <message numerus="yes">
        <source>“{stage}” holds %n opportunity(s). Move them to:</source>
        <translation>
            <numerusform>“{stage}”中有 %n 个商机。请将其移到：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Team sync</source>
        <translation>团队同步</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain.</source>
        <translation>将密码保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No system keychain is available; type the password each session.</source>
        <translation>没有可用的系统钥匙串；每次使用时请输入密码。</translation>
    </message>
    <message>
        <source>CRM Desktop also syncs when it starts, and whenever you click Sync now.</source>
        <translation>CRM Desktop 启动时也会同步；点击“立即同步”可随时同步。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>TLS (sslmode):</source>
        <translation>TLS（sslmode）：</translation>
    </message>
    <message>
        <source>Sync automatically:</source>
        <translation>自动同步：</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Your changes that lost to a newer one:</source>
        <translation>您的以下修改被较新的修改覆盖：</translation>
    </message>
    <message>
        <source>Off (on start and on demand)</source>
        <translation>关闭（仅在启动时和手动同步）</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>每小时</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>每 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved in the keychain</source>
        <translation>已保存在钥匙串中</translation>
    </message>
    <message>
        <source>A sync is already running; its result will show here.</source>
        <translation>同步正在进行中，结果将显示在这里。</translation>
    </message>
    <message>
        <source>Give the server and the database first.</source>
        <translation>请先填写服务器和数据库。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Synced: sent {sent}, received {received}.</source>
        <translation>同步完成：已发送 {sent} 条，已接收 {received} 条。</translation>
    </message>
    <message>
        <source>The server asks for a password; type it above.</source>
        <translation>服务器需要密码，请在上方输入。</translation>
    </message>
    <message>
        <source>The server refused the login or password ({reason}).</source>
        <translation>服务器拒绝了该登录名或密码（{reason}）。</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keychain.</source>
        <translation>无法将密码保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation>没有待发送的修改。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>有 %n 条修改等待发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>changed elsewhere later</source>
        <translation>之后在其他地方被修改</translation>
    </message>
    <message>
        <source>not yours any more</source>
        <translation>已不再属于您</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>authentication failed</source>
        <translation>身份验证失败</translation>
    </message>
    <message>
        <source>server version differs</source>
        <translation>服务器版本不一致</translation>
    </message>
    <message>
        <source>server not set up</source>
        <translation>服务器尚未设置</translation>
    </message>
    <message>
        <source>not a team member</source>
        <translation>不是团队成员</translation>
    </message>
    <message>
        <source>secure connection failed</source>
        <translation>安全连接失败</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>SyncStatusItem</name>
    <message>
        <source>Click to open Team sync.</source>
        <translation>点击打开团队同步。</translation>
    </message>
    <message>
        <source>Last synced: {time}</source>
        <translation>上次同步：{time}</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>尚未同步。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n change(s) to send</source>
        <translation>
            <numerusform>离线 · %n 条修改待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Sync: password needed</source>
        <translation>同步：需要密码</translation>
    </message>
    <message>
        <source>Sync error: {reason}</source>
        <translation>同步出错：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n 条修改待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Add &amp;tag</source>
        <translation>添加标签(&amp;T)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock database — CRM Desktop</source>
        <translation>解锁数据库 — CRM Desktop</translation>
    </message>
    <message>
        <source>Type the passphrase of &lt;b&gt;{file}&lt;/b&gt;.</source>
        <translation>请输入 &lt;b&gt;{file}&lt;/b&gt; 的密码。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Choose another file…</source>
        <translation>选择其他文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <source>Locked — CRM Desktop</source>
        <translation>已锁定 — CRM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; is locked. Type its passphrase to continue; anything you were typing is kept.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 已锁定。输入其密码即可继续；您正在输入的内容会保留。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit CRM Desktop</source>
        <translation>退出 CRM Desktop(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ViewBar</name>
    <message>
        <source>{view} ({count})</source>
        <translation>{view}（{count}）</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Pipeline funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Won revenue</source>
        <translation>赢单收入</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>客户流失</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Follow-up activity</source>
        <translation>跟进活动</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>By industry</source>
        <translation>按行业</translation>
    </message>
    <message>
        <source>By source</source>
        <translation>按来源</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>Churned in the period</source>
        <translation>本期流失</translation>
    </message>
    <message>
        <source>Active at the end</source>
        <translation>期末活跃</translation>
    </message>
    <message>
        <source>Churn rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Churned customers</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Revenue {currency}</source>
        <translation>收入 {currency}</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Average days to win</source>
        <translation>平均赢单天数</translation>
    </message>
    <message>
        <source>Deals won and lost by owner</source>
        <translation>各负责人的赢单与输单</translation>
    </message>
    <message>
        <source>{owner} · {channel}</source>
        <translation>{owner} · {channel}</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Owner · channel</source>
        <translation>负责人 · 方式</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Weighted {currency}</source>
        <translation>加权 {currency}</translation>
    </message>
    <message>
        <source>Total {currency}</source>
        <translation>合计 {currency}</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>导出人</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Figures computed at</source>
        <translation>数据计算时间</translation>
    </message>
    <message>
        <source>Filter: {list}</source>
        <translation>筛选：{list}</translation>
    </message>
    <message>
        <source>CRM Desktop report</source>
        <translation>CRM Desktop 报表</translation>
    </message>
</context>
</TS>
