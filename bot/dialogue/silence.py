"""What the notice never states, recognised in a question: amounts, fees, validity, rates,
addresses, opening hours, contact details, fast tracks, online or paper submission, minimum
numbers, mutual recognition with other provinces, guarantees of success.  A question on one
of these gets "the notice does not say" and the person to ask, never a guess."""

from __future__ import annotations

import re

from bot.dialogue.normalise import normalise

# (key, pattern) — the key names the i18n topic ``silent_<key>``.
_ASPECTS: tuple[tuple[str, str], ...] = (
    ("fees", r"费用|收费|多少钱|交几费|几多费|交不交费|年检费|年审费|年费|管理费|服务费|(?:申请|审批|注册|考试|鉴定|评审|报名|办理|认证|手续)费|几块钱|价格|价钱|缴费|付费|交钱|花多少|\bfees?\b|\bcosts?\b|how much (?:does|is|do)"
             r"|\bprice\b|(?<!in )\bcharges?\b(?! of\b)|\bcharged\b|pay for|how much (?:can|may|will|should)"),
    ("validity", r"有效期|几年有效|多少年有效|管几年|有效几年|有效多久|有效多长|能用几年|用多久|过期|续期|续展|到期|\bvalid(?:ity)?\b|\bexpir|\brenew"),
    ("rate", r"通过率|合格率|及格|多少分|分数线|录取率|pass rate|passing (?:score|mark)|success rate"),
    ("office", r"(?<!文件)(?<!通知)(?<!文中)(?<!文里)(?<!附件)哪个位置|(?<!文件)(?<!通知)什么位置|哪个窗口|哪个大厅|办事大厅|办公时间|上班时间|几点|地址在|地址是|办公地点|办公地址|在哪儿?办公|在哪里办|去哪里办|窗口在|哪栋|几楼|"
               r"门牌|哪条路|office hours|opening hours|where is (?:the|your) (?:office|department|counter)|(?<!we are )(?<!we're )(?<!office is )(?<!is )located\b"
               r"|(?<!mail )\baddress of (?:the|your)|office address|department'?s address|which building|where (?:is|are) (?:the|your) office"),
    ("contact_details", r"有没有(?:\S{0,4})?邮箱|邮箱(?:是多少|多少|地址是)|什么邮箱|电话(?:是|多少|号码|号|呢|吗)|(?:给|留|要|有没有|有)个?电话|什么电话|(?:联系|咨询|办公|服务|热线)电话|打(?:什么|哪个|几号)电话|热线|网址|网站|官网|公众号|邮箱是|\bphone\b|hotline|website|\burl\b|e-?mail address"
                        r"|\bwho (?:can|should|do) (?:i|we) (?:call|phone|ring|contact)\b|\bcall (?:about|for help)"),
    ("download", r"模板.{0,6}下载|下载.{0,8}(?:模板|表格|范本)|范本|样表|官方模板|标准模板|\bdownload\w*\b.{0,20}"
                 r"(?:template|form)|(?:template|form)s?\b.{0,20}\bdownload"),
    ("fast_track", r"加急|快速通道|绿色通道|加快|提速|尽快批|催办|催一下|能不能催|能催|expedit|fast[- ]track|speed (?:it )?up|faster"
                   r"|urgent|rush"),
    ("channel", r"(?:什么|啥|哪个|哪套)系统|发邮件|用邮件|邮件(?:发|报|推送)|通过邮件|(?:by|via) e-?mail|which system|what system"
                r"|\bportal\b|网上\S{0,2}(?:申请|申报|提交|办理|办)|政务服务网|办理入口|申报系统|网办|线上|在线|纸质|电子版|快递|邮寄|现场递交|\bonline\b|\bon paper\b|\bpaper (?:copy|copies|version|form|application|submission)\b|\bhard cop|by post|by mail"
                r"|\bin person\b|electronic(?:ally)?|scan(?:ned)? cop"),
    ("minimum", r"至少(?:要|需要)?[几多]|量化(?:的)?(?:标准|指标|要求)|硬性指标|具体(?:指标|数值)|\bquantified\b|\bhard (?:figures|criteria)\b|最少|最低(?:要|需要)?[几多]|几个人|多少人|多少名|多少台|几台|多大面积"
                r"|多少平|注册资本|资金要求|\bminimum\b|at least how many|how many (?:staff|examiners|people)"
                r"|how big|square met"),
    ("recognition", r"互认|(?:别的省|其他省|外省|全国|广东|云南|贵州|湖南|海南|四川|北京|上海|江苏|浙江|福建|外地|省外)\S{0,6}(?:也)?(?:认可|承认|通用|有效|批过|能用|能等同|等同|算数)|全国通用|"
                    r"(?:去|到|拿到)(?:别的省|其他省|外省|广东|云南|贵州|湖南|海南|四川|北京|上海|江苏|浙江|福建|外地|省外)\S{0,4}(?:用|使用)|"
                    r"mutual recogn|recogni[sz]ed (?:in|by) other provinces|approved in another province"),
    ("guarantee", r"保证通过|一定能(?:通过|批)|包过|能保证|肯定能批|成功率|guarantee (?:that )?(?:we|our|the "
                  r"(?:approval|application))|guaranteed? (?:approval|to pass|success)|will we definitely"
                  r"|sure to be approved"),
    ("length", r"字数|多少字|几个字|页数|多少页|几页|篇幅|word limit|how many (?:words|pages)|page limit"
               r"|how long should (?:the|it|our) (?:\w+ )?(?:be|report|description)"),
    ("deposit", r"保证金|押金|存款|资产规模|注册资金|多少资金|how much (?:money|capital|deposit)|\bsecurity deposit\b|\ba deposit\b|\b(?:pay|paid|lodge|provide) (?:a |any )?deposit\b|\bbank guarantee\b|minimum (?:capital|balance)"),
    ("notarisation", r"公证|海牙|领事认证|使馆认证|apostille|notari[sz]|legali[sz]"),
    ("attendance", r"(?<!回)到场(?!地)|答辩|面试|现场核查|实地(?:检查|核查|考察)|\binterview|on-site (?:visit|inspection)"
                   r"|in person at the review|defend"),
    ("published_list", r"专家库|(?:专家)\S{0,6}(?:抽|抽取|选取|遴选|挑选)|expert (?:pool|database|roster)|名单\S{0,4}公布|公示|专家是谁|哪些专家|专家.{0,6}(?:哪些人|是谁|有谁|名单|怎么选|如何选|构成|组成)|(?:几位|几个|多少位|多少名|多少个)专家|专家(?:有)?(?:几位|几个|多少)|how many experts|who are the experts|list of experts"),
    ("copies", r"几份|份数|多少份|how many copies|how many sets"),
    ("language_exam", r"考试\S{0,6}(?:全程)?用(?:英文|英语|外语)|试卷\S{0,6}(?:中文版|英文版|双语)|(?:exams?|tests?|assessments?)\b.{0,24}\b(?:in|into) (?:english|chinese|a foreign language)\b|what languages? (?:is|are|will|must|should|can) (?:the )?(?:exams?|tests?|assessments?|papers?)\b|\b(?:exams?|tests?|assessments?)\b.{0,20}\bwhich languages?\b|\blanguages? of (?:the )?(?:exams?|tests?|assessments?)\b|用英文考|英文考试|考试语言|证书\S{0,6}(?:只用|只能用|只印|全用|用)(?:英文|英语|外文)|(?:英文|英语)(?:版)?(?:的)?证书|\bcertificates?\b.{0,30}\b(?:only )?in english\b|用什么语言考|用(?:英语|外语|英文)(?:来)?(?:考|答|出题)|(?:英语|外语)(?:考|答题)|language of the exam|exam in english"
                      r"|examin\w* in english"),
    ("reapply", r"被拒|驳回|不通过怎么办|没批(?!文|件)|没通过|再申请|重新申请|申诉|复议|rejected|refus|appeal|re-?apply"),
    ("quota", r"名额|限额|配额|数量限制|上限|最多\S{0,8}(?:几次|多少次|几场|多少场)|次数\S{0,4}(?:限制|上限|要求)|\bquota\b|\blimit on the number|"
              r"\bhow many (?:times|sessions|exams|assessments) (?:\w+ ){0,4}(?:per|a|each) year\b|\bmaximum number of\b"),
    ("greater_china", r"(?:香港|澳门|台湾|港澳|港台|澳台)\S{0,20}(?:算不算|算|属于|属不属于|是不是|视为|当作|按|也能|能不能|可以|能来|能申请|申请|行不行)"
                      r"|(?:hong ?kong|macau|macao|taiwan)\b.{0,60}\b(?:count|considered|qualif|treated as|eligible|overseas|foreign|apply|cover)"),
    ("frequency", r"(?:检查|抽查|监管|巡查|核查)\S{0,8}(?:几次|多少次|多久(?:来|查|检查)?一次|隔多久|多长时间(?:来)?一次|频率|多频繁|经常|比例)|"
                  r"(?:一年|每年|多久)\S{0,4}(?:检查|抽查|查)(?:几次|多少次|一次)|how often.{0,40}(?:inspect|check|audit|supervis)"
                  r"|(?:inspect|check|audit)\w*.{0,30}how often|how many (?:inspections|checks|audits)"),
    ("notice_translation", r"(?:官方|正式)的?(?:英文|英语|外文)(?:版|译本|翻译)|(?:通知|文件)\S{0,4}(?:英文|英语)(?:版|译本)|"
                           r"\bofficial (?:english|translated) (?:version|translation)\b|\benglish version of (?:the|this) notice\b"),
    ("plan_channel", r"(?:鉴定计划|计划)\S{0,10}(?:信息系统|系统|平台|渠道|邮箱|邮件|线上|网上|怎么推送|如何推送|用什么推送|通过什么)|"
                     r"\b(?:assessment )?plan\b.{0,30}\b(?:system|platform|portal|e-?mail|channel|online)\b"),
    ("zero_report", r"(?:一张|一本|一个)(?:证|证书)?都没(?:有)?(?:发|核发|颁发)|(?:没有|没|未)(?:发|核发|颁发)(?:过)?(?:任何)?(?:证|证书)|零发证|发证(?:数量)?(?:为)?(?:零|0)|"
                    r"\b(?:zero|no) certificates? (?:were |was )?(?:issued|awarded)|\bissued (?:zero|no|none)\b|"
                    r"\b(?:didn't|did not|haven't|have not) issue(?:d)? any\b"),
    ("tax", r"税收|税务|减税|免税|退税|税费|增值税|优惠政策|交\S{0,3}税|什么税|哪些税|纳税|缴税|税率|开发票|\btax(?:es|ation)?\b|\bvat\b"),
    ("work_permit", r"工作许可|工作签证|工作证|就业证|来华工作|签证|work permits?|\bvisas?\b|employment (?:permit|licen[cs]e|visa)"),
    ("data_transfer", r"(?:个人信息|考生信息|考生数据|个人数据|数据|信息)\S{0,10}(?:传|上传|存|存储|发|转)\S{0,4}(?:到|至|去)?\S{0,4}(?:国外|境外|海外|外国|总部)|"
                      r"数据出境|跨境传输|信息出境|数据安全|信息安全|个人信息(?:\S{0,4})?(?:保护|安全)|隐私|personal (?:data|information)|privacy|data security|candidates'? data|data (?:transfer|protection|export)|"
                      r"transfer\w* (?:of )?(?:data|personal)|servers? (?:abroad|overseas|outside china)"),
    ("candidate_requirements", r"(?:考生|报名|报考|学员|参考人员|参考者|考试的人)\S{0,8}(?:学历|年龄|工作年限|工龄|资格条件)|学历(?:要求|条件|限制|门槛)|"
                               r"年龄(?:要求|限制|条件|上限|下限)|\bage (?:limit|requirement|restriction)s?\b|"
                               r"candidates?'? (?:eligibility|entry requirements|educational|age)|educational (?:requirement|background) (?:for|of) candidates"),
    ("residence", r"落户|户口|户籍|人才积分|积分落户|居住证|hukou|household registration|residence permit|talent points?"),
    ("other_ftz", r"海南|上海自贸|其他自贸|别的自贸|外省自贸|其他省份?的自贸|hainan|other (?:provinces'? )?free[- ]trade zones?"),
    ("e_certificate", r"电子证书|电子版证书|电子证照|证书电子化|e-?certificates?|digital certificates?|electronic certificates?"),
    ("retention", r"(?:保存|保留|留存|存档|归档)\S{0,4}(?:几年|多久|多长时间|多少年|期限)|(?:档案|资料|记录|信息)\S{0,6}(?:保存|留存)\S{0,4}(?:几年|多久|多长)|"
                  r"\bhow long (?:\w+ ){0,5}(?:keep|kept|retain\w*|store\w*|archiv\w*)\b|\bretention (?:period|time)\b|\brecords? (?:retention|keeping)\b"),
    ("legal_entity_type", r"分公司|个体户|个人能|个人可以|individuals?\b.*apply|branch office"),
)
# Asked before the words that name a stated thing: these questions mention a form field or a
# stated duty, yet ask what the notice leaves open.
_FIRST: tuple[tuple[str, str], ...] = (
    ("partner_change", r"换(?:一家|家)(?:合作|中方|伙伴|机构)?(?!问题|说法|话题)|换(?:个|一个)(?:合作|中方|伙伴|机构)|更换\S{0,4}(?:合作|中方|伙伴)|改(?:找|换)\S{0,4}(?:合作|中方|一家)|"
                       r"(?:合作|中方|那家|这家)\S{0,8}(?:不干了|不做了|退出|解约|终止合作|合作不下去|散伙|黄了)|"
                       r"\b(?:change|switch|replace)\w* (?:\w+ ){0,4}partner|\bnew (?:chinese )?partner\b|\bpartner (?:\w+ ){0,3}(?:withdraws?|pulls? out|quits?)\b"),
    ("credit_scoring", r"(?:信用|信用监管|评分|打分|评级|扣分)\S{0,6}(?:怎么|如何|标准|规则|细则|办法)|怎么(?:评分|打分|扣分|评级)|信用分|"
                       r"\bcredit (?:score|scoring|rating|points)\b|\bhow (?:is|are) (?:\w+ ){0,3}(?:scored|rated|graded)\b"),
    ("reapply", r"(?:结果|决定|审批|不批|不予许可)\S{0,6}不服|不服\S{0,6}(?:结果|决定|审批)|上诉|起诉|行政诉讼|申诉|行政复议|"
                r"\b(?:challenge|contest|dispute) (?:the|a|this|that) (?:decision|refusal|result)\b|\bappeal\w*\b"),
    ("plan_change", r"(?:鉴定计划|计划)\S{0,8}(?:临时)?(?:变了|变更|变动|更改|改了|改期|改时间|调整|取消|延期|推迟)|(?:变更|调整|取消)\S{0,4}(?:鉴定计划|计划)|"
                    r"\bplan\b.{0,30}\b(?:changes?|changed|postponed?|cancel(?:led)?|rescheduled?)\b"),
    ("plan_day_kind", r"(?:10|十)\s*(?:个)?(?:日|天)\S{0,8}(?:是|算|指|按)\S{0,3}(?:工作日|自然日|日历日)|"
                      r"\b(?:10|ten)[- ]days?\b.{0,40}\b(?:working|business|calendar)\b|"
                      r"(?<!45 )(?<!five )\b(?:working|business|calendar) days?\b.{0,40}\b(?:10|ten)[- ]days?\b"),
    ("deemed_approval", r"(?:过了|超过|超出|已经过|满了?)\S{0,6}(?:45|四十五)\S{0,10}(?:还|仍|都)?(?:没|未|无)(?:有)?(?:消息|结果|答复|回复|决定|动静|批)|"
                        r"\b(?:45|forty-five)\b.{0,30}\b(?:passed|gone by|elapsed|over)\b.{0,30}\b(?:no|not|nothing|still)\b|默认(?:批准|通过|同意|获批)|自动(?:通过|批准|获批|同意|生效)|(?:45|四十五)\S{0,8}(?:到了|到期|满了)\S{0,4}(?:还|仍|都)?(?:没|未)|视为(?:批准|同意|通过)|逾期(?:未|没)\S{0,4}(?:答复|决定)|没(?:给)?(?:答复|回复|结果)\S{0,8}(?:算|就)|"
                        r"deemed (?:approved|granted|accepted)|tacit(?:ly)? approv|automatic(?:ally)? approv|"
                        r"\bno (?:decision|answer|reply|response)\b.{0,40}\b(?:approved|granted)|"
                        r"\b(?:pass|passes|passed|expire[sd]?|elapse[sd]?|run out|runs out|go by|goes by)\b.{0,30}"
                        r"\bwithout (?:a |any )?(?:decision|answer|reply|response)|\bno decision (?:is made|has been made|within|after|by)|"
                        r"\b(?:does not|doesn't|do not|don't|fails? to|failed to) (?:make (?:a |its )?|reach (?:a )?)?decid\w* within|"
                        r"\b(?:does not|doesn't|fails? to) (?:make|reach|issue) (?:a |its )?decision within"),
    ("approval_document", r"(?:批准|许可|注册|审批)(?:证书|证|文件|决定书|批文|结果)\S{0,6}(?:发不发|怎么领|在哪领|领取|怎么拿|寄)|怎么领|在哪(?:里)?领|"
                          r"发不发(?:批准|许可)?(?:证书|批文|文件)|(?<!government )(?<!home-country )approval (?:letter|certificate|document)(?!s? (?:of|from|in) (?:the|our|its) home)(?!.*(?:如有|if any|home country))|"
                          r"how (?:do|will|can) we (?:receive|get|collect|obtain) the (?:approval|decision|licen[cs]e)"),
    ("plan_format", r"(?:鉴定计划|计划)\S{0,8}(?:格式|模板|怎么写|范本|样式)|(?:format|template)\b.{0,30}\bplan\b|"
                    r"\bplan\b.{0,30}\b(?:template|format)\b"),
    ("partner_location", r"中方\S{0,10}(?:注册地|注册在|登记地|住所|办公地)|(?:注册地|注册在|登记在)\S{0,10}(?:自贸|片区)|"
                         r"partner.{0,40}(?:registered|located|based|incorporated) (?:in|inside|within) the (?:ftz|free[- ]trade zone)"),
    ("start_after", r"(?:最快|多久|多长时间|几天)\S{0,8}(?:可以|能)?(?:开考|开始考|开展鉴定|开始鉴定|开始考试)|"
                    r"how soon.{0,40}\b(?:start|begin|hold|run)\w* (?:running |holding )?(?:the )?(?:exams?|assessments?)"),
    ("other_time_limit", r"(?:包(?:不)?包括|含不含|包含|算不算在?|计不计入)\S{0,8}(?:专家|论证|审核论证|补正)|(?:专家|论证)\S{0,8}(?:算在|包括在|计入|算进)|"
                         r"(?:expert|review)\w*\b.{0,40}\b(?:count(?:ed)? (?:in|towards)|included in|part of the 45)|"
                         r"(?:include|count)s? (?:the )?(?:expert|review)|(?:几|多少)天内\S{0,8}(?:受理|受不受理)|受理(?:还是不受理|与否|不受理)|受不受理|(?:多久|几天|多少天)\S{0,6}(?:告知|通知)?(?:是否)?受理(?!\S{0,6}(?:决定|结果|批))|"
                         r"how (?:long|soon|many days)(?!.{0,60}(?:decision|decide|result|approv)).{0,40}(?:accept|whether .{0,20}accepted)|"
                         r"(?:专家|论证|受理)\S{0,8}(?:要|需要|得)?(?:花)?(?:多久|多长时间|几天|多少天)(?!\S{0,6}(?:决定|结果|批))|"
                         r"how long(?!.{0,40}(?:decision|decide|result|approv)).{0,30}(?:expert|review panel|to accept|acceptance)|"
                         r"补正.{0,8}(?:多久|多长|几天|期限|时限|时间)|补正期|(?:几|多少)个?(?:工作日|天).{0,8}(?:告知)?补正|告知补正|一次性告知|整改.{0,8}(?:多久|多长|几天|多少天|期限|时限|时间|几个月)"
                         r"|限期.{0,4}(?:多久|多长|几天|多少天|几日|多少日)|(?:rectification|correction) period|how long.{0,40}(?:rectif|to correct|"
                         r"to supplement)|how many days.{0,30}(?:rectif|correct)|deadline for (?:rectification|"
                         r"corrections|supplement)"),
    ("approved_list", r"(?:已经|已|目前|现在)\S{0,6}(?:批准|获批|注册|批)\S{0,12}(?:有哪些|哪些|名单)|有名单吗|(?:已经|目前|现在)\S{0,4}(?:注册|批准|获批|批)了哪些|有(?:没有)?名单(?:可以)?查|(?:已经|已)?获批的?\S{0,8}(?:名单|清单|目录|列表)|名单在哪|(?:list|register) of (?:approved|registered)|批了(?:几|多少)家|(?:几|多少)家(?:获批|通过|批了|拿到)|how many (?:have been|were|got) approved|(?:已经|之前)?有(?:人|机构|哪家)?(?:批|注册)过了?(?:吗|没有)|has anyone (?:already )?been approved|"
                      r"(?:已经|已)(?:被)?(?:批准|获批|注册|审核注册)(?:了|过)?的\S{0,10}(?:有哪些|有几|是哪些|名单)|"
                      r"(?:已经|目前|现在)有?哪些.{0,12}(?:获批|注册|批准|批了|批下来)|哪些(?:证书|机构)(?:已经)?(?:获批|注册了|批了|通过了)"
                      r"|already (?:been )?(?:approved|registered)|which .{0,40}(?:have been|are|were) (?:approved|registered)"
                      r"|list of (?:approved|registered)"),
    ("years_established", r"成立\S{0,3}满?(?:几|多少)年|成立(?:多久|多长时间|时间要求)|(?:经营|运营)(?:满)?(?:几|多少)年|"
                          r"years? (?:of|in) (?:operation|existence|business)|established for (?:how long|at least)|"
                          r"how (?:long|many years).{0,30}(?:established|in operation|existed|been operating)"),
    ("foreign_id", r"(?:外方|境外|外国|国外)\S{0,8}没有\S{0,8}(?:代码|信用代码|身份证|证件)|(?:外籍|外国|境外|外方)\S{0,8}(?:身份证|证件号)|没有(?:中国)?身份证|护照号|passport"
                   r"|foreign (?:staff|examiners?|nationals?|employees?)\b.{0,40}\bID\b|\bno (?:chinese )?ID (?:card|number)"),
    ("notice_in_force", r"(?:通知|文件|这个文|本文|规定)\S{0,6}(?:什么时候|何时|哪天)?(?:起?施行|生效|实施|执行)|"
                        r"\d+\s*号(?:文件|文)?\S{0,3}(?:还)?(?:有效|管用|适用|失效|废止|过期)|"
                        r"(?:通知|文件|规定)\S{0,6}(?:有效期|还有效|失效|废止|过期|到期|还适用|还管用)|"
                        r"(?:施行|生效)(?:日期|时间)|(?:notice|document|rules?)\b.{0,30}\b(?:come into (?:force|effect)|"
                        r"take effect|in force|effective (?:date|from)|still (?:valid|apply|applies|in force)|expire)"),
    ("translator", r"(?:翻译|译本|译文)\S{0,8}(?:资质|公司|机构|盖章|公章|认证|公证|签字|专业翻译)|(?:有资质|专业|正规)的?翻译|"
                   r"翻译(?:件)?要不要盖章|certified translat|sworn translat|official translat|translation (?:agency|company|"
                   r"firm|stamp|seal)|translator|translat\w*\b.{0,40}\b(?:certified|accredited|licensed|approved|qualified) "
                   r"(?:agency|company|firm|translator|provider)"),
    ("form_language", r"(?:填|写)(?:英文|中文|外文)还是(?:中文|英文|外文)|(?:用|拿)(?:中文|英文|外文)(?:填|写)|"
                      r"(?:填|写)(?:成|的)?(?:中文|英文)(?:吗|还是)|in (?:english|chinese) or (?:in )?(?:english|chinese)|"
                      r"which language.{0,30}(?:fill|form|write|complete)"),
    ("seal", r"骑缝章|(?:每页|每一页)\S{0,4}盖|(?:要不要|需不需要|是否|需要|要)盖(?:公)?章|盖(?:公)?章(?:吗|不)|(?:要不要|需要)(?:加盖)?公章|(?:needs?|require[sd]?|must)"
             r" (?:a |an |the )?(?:official )?(?:seal|stamp|chop)|\b(?:be )?(?:sealed|stamped)\b"),
    ("certificate_content", r"证书上\S{0,6}(?:印|写|要有|标注|体现)|证书(?:要不要|是否|需不需要)(?:印|有|用|写)中文|"
                            r"证书(?:样式|格式|版式)|certificates?\b.{0,30}\b(?:in chinese|chinese text|bilingual|layout|format)"),
    ("fine", r"what(?:'s| is| would be) the (?:fine|penalty)\b|\bfines? (?:amounts?|levels?|schedule)\b|\bpenalty (?:amounts?|levels?)\b|罚款|罚金|罚多少|罚几|处罚(?:标准|金额|多少)|\bfined\b|\b(?:maximum|max|minimum|highest) (?:fine|penalt)|pay (?:a )?fines?\b|amount of (?:the )?(?:fine|penalt)"
             r"|how much.{0,20}(?:penalt|fine)"),
    ("subsidy_amount", r"补贴(?:多少|标准|金额|有多少|能有多少|是多少|怎么算|能拿多少)|补多少|能补几|"
                       r"how much.{0,30}subsid|subsid\w* (?:amount|rate|level)s?|amount of (?:the )?(?:\w+ ){0,3}subsid"),
    ("insurance", r"保险|\binsurance\b|\binsured\b"),
    ("extension", r"延长|延期|超过45|超出45|超期|逾期(?:未|没)|到期(?:没|未)(?:批|出结果)|"
                  r"extend\w* (?:the )?(?:time limit|deadline|period|45)|extension of (?:the )?(?:time|deadline|"
                  r"period)|time limit.{0,20}extend|(?:45|days|period|deadline).{0,20}(?:be )?extended|overdue|"
                  r"(?:beyond|exceed\w*|more than) (?:the )?45"),
    ("already_approved", r"已经(?:批|注册|获批|取得|拿到)\S{0,8}(?:证书|机构|许可)\S{0,12}(?:要不要|需不需要|还要|重新|还得|再)|"
                         r"之前(?:批|注册|获批)(?:过)?的|(?:以前|之前|原来|已经|早已|已)\S{0,8}(?:人社部|部里|国家|其他省|别的省|外省|别的地方|北京|上海|广东)\S{0,8}(?:注册|备案|批准|审批|批)(?:过)?(?=.*(?:重新|还要|还需|还得|再|又|也要|直接))|"
                         r"\b(?:already|previously) (?:been )?(?:registered|approved|licen[sc]ed) (?:with|by|in) (?:the ministry|beijing|another province|other provinces)\b|"
                         r"already (?:approved|registered|licensed).{0,40}"
                         r"(?:again|re-?apply|need|have to|must)"),
)
_ORIGINAL = re.compile(r"原件还是复印件|复印件还是原件|(?:要|交|提交|需要)原件|原件(?:吗|行吗|可以吗)|要不要原件|"
                       r"复印件(?:可以吗|行吗|就行|就可以)|(?:交|提交)复印件(?:吗|就行|可以)|(?:需要|要)公证的?复印件|"
                       r"originals? or (?:a |the )?cop|cop(?:y|ies) or (?:the |an )?originals?|need (?:the )?originals?"
                       r"|certified cop|photocop(?:y|ies) (?:ok|enough|acceptable)", re.IGNORECASE)
_AGREEMENT = re.compile(r"合作协议|协议书|协议|agreement", re.IGNORECASE)
_COMPILED = tuple((k, re.compile(p, re.IGNORECASE)) for k, p in _ASPECTS)
_COMPILED_FIRST = tuple((k, re.compile(p, re.IGNORECASE)) for k, p in _FIRST)

# Words that name something the notice does state, so that a match above is about that
# (e.g. 多少天 for the plan, 联系手机 as a form field): such a question is not silent.
_STATED = re.compile(
    r"联系手机|手机号|办公电话|电子邮箱|邮箱一栏|电话一栏|填写|哪一栏|那栏|这栏|栏目|表里|表中|提前多少天|提前几天|"
    r"多少个工作日|几个工作日|发证数量|数量(?:那|一)?栏|序号|"
    r"office telephone|e-mail field|mobile field|which field|column|working days|on the form|"
    r"in the form|registration form|annex|summary table|field|\b(?:form|table)s? (?:ask|want|require|request)s?\b",
    re.IGNORECASE,
)


# "这是工作日还是自然日", "Are those working days or calendar days?": which kind of day.
_DAY_KIND = re.compile(r"工作日还是自然日|自然日还是工作日|工作日还是日历日|算工作日吗|是工作日吗|是自然日吗|"
                       r"\b(?:working|business|calendar) (?:days )?or (?:working|business|calendar) days\b|"
                       r"\bare (?:those|these|they) (?:working|business|calendar) days\b", re.IGNORECASE)


def day_kind_asked(text: str) -> bool:
    """Whether a question asks whether days are working or calendar days."""
    return bool(_DAY_KIND.search(normalise(text)))


def silent_aspect(text: str) -> str | None:
    """The key of what the notice does not state that the question asks for, or None."""
    if not text:
        return None
    text = normalise(text)  # 還是 → 还是, full-width forms
    for key, pattern in _COMPILED_FIRST:
        if pattern.search(text):
            return key
    if _ORIGINAL.search(text) and not _AGREEMENT.search(text):
        return "original_copy"  # the notice asks for a copy of the agreement only
    if _STATED.search(text):
        return None
    for key, pattern in _COMPILED:
        if pattern.search(text):
            return key
    return None
