"""Questions asked with a negation. Three shapes, read differently:

- a rhetorical one expects the plain claim ("不是全花完了吗", "难道不比临汾多？", "难道不是增加了
  吗"): asked as the claim itself ("是不是全花完了"), its yes or no as it comes;
- a guess that something did not happen ("是不是没超预算", "没安排买公车的钱吧"): asked as whether
  it happened ("有没有超预算"), and the yes or no turned round, since "yes" agrees that it did not;
- a doubt that not one was ("难道一辆公车都不打算买吗"): asked as whether any was, turned round too;
- a rhetorical guess before the question asked ("人员经费不就是发工资吗？按大类看都花在哪了"): left
  out, the question after it answers it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.model import Answer

# "难道不比临汾民政局19年多", "难道不是增加了吗", "…不是全花完了吗": the claim, expected true
RHETORICAL_RE = re.compile(r"难道(?:不是|不)|(?<![是还])不是(?=[^，,。？?]{2,20}?吗[？?]?$)")
# "是不是没超预算", "没安排买公车的钱吧": the guess that it did not happen (not "没花完", itself
# a claim about the budget, nor "是不是一分钱没安排", a zero asked)
# ("是不是压根没有三公经费预算", "总没有公务用车的钱吧", "不会超过100万吧": said more strongly, the
# same guess; "不会是…吧" guesses a reason, no happening; "不会又…吧" is disbelief that it happened
# again, asked plainly, colloquial.toml)
GUESSED_NOT_RE = re.compile(r"(?:是不是|是否)(?:压根|根本|完全|真的)?(?:没有?|未)(?!花完|用完|完成|执行完)(?P<what>[^，,。？?]{2,20}?)(?=[？?。]|$)"
                            r"|(?:总|应该|应当|大概|肯定)?(?<![是还])(?:没有?|不会(?![是又]))(?!花完|用完|完成|执行完)(?P<said>[^，,。？?]{2,20}?)吧[？?。]?$"
                            # ("不超过上一年的数吧": that it did not rise above the year before)
                            r"|不(?P<over>(?:超过|高于|多于)(?:上一年|上年|去年|前一年)[^，,。？?]{0,10}?)吧[？?。]?$")

# "难道一辆公车都不打算买吗", "一个项目都没搞绩效目标管理吗": a doubt that not one was, asked as whether
# any was ("有没有打算买公车"), the yes or no turned round (not "难道不是一分都没有吗", a claim, nor
# "一辆公车都没有吗", a count of nothing held: qa/claims.py)
NONE_DOUBTED_RE = re.compile(r"(?:难道说?)?(?<!不是)一(?:辆|台|套|个|项|分钱?|笔|位|名|次|块钱?)(?P<obj>[^，,。？?都也]{0,8}?)(?:都|也)(?:不|没有?)"
                             r"(?P<verb>(?!有)[^，,。？?]{1,16}?)(?:吗|么|嘛)(?P<end>[？?。]?)$")


# "人员经费不就是发工资吗？按大类看都花在哪了": a guess put as a rhetorical question before the one
# asked, which the answer to that one settles
# ("…的全部支出，大头应该是儿童福利吧？主要花在哪几项", "收入全是财政拨款吧？由哪几块构成": a guess
# of what it is mostly or all made of, which the parts asked after it settle)
GUESS_BEFORE_RE = re.compile(r"(?:不就是|不就|还不是|不都是)[^，,。？?]{1,20}?(?:吗|嘛)[？?，,]\s*(?=\S)"
                             r"|(?:大头|应该|肯定|估计)*(?:大头|全|全都|都|大半|大部分|主要)(?:应该)?(?:是|都是|花在|用在)"
                             r"(?![^，,。？?]*(?:多少|几))[^，,。？?]{1,14}?吧[？?]\s*(?=\S[^。]*[？?哪几多])"
                             # ("肯定是出国花得最多吧？最多的到底是哪一项", "接待费应该花得最多吧？接待费花了多少")
                             r"|(?:应该|肯定|估计|大概)(?:是)?[^，,。？?]{0,8}?(?:花得|用得|花的|用的)?最(?:多|大)的?吧[？?]\s*(?=\S[^。]*[？?哪几多])")


PLAIN_ASKED_RE = re.compile(r"有没有|是不是|是否|有无")


@dataclass(frozen=True)
class Negated:
    plain: str  # the question as asked without the negation
    turned: bool  # the yes or no is turned round


def negated(question: str) -> Negated | None:
    """The question without its negation, and whether its yes or no turns round; None for a
    question asked plainly."""
    if (m := GUESS_BEFORE_RE.search(question)) and len(question[:m.start()].strip("这那它是")) >= 2:
        # (the subject said before the guess: "这不就是三公经费吗？多少钱" names it in the guess)
        return Negated(question[:m.start()] + question[m.end():], False)
    if (m := GUESSED_NOT_RE.search(question)) and not PLAIN_ASKED_RE.search(question[:m.start()]):
        # (not "到底有没有花钱买公务车？不会又买新车了吧": asked plainly first, the guess after it an aside)
        what = m.group("what") or m.group("said") or m.group("over")
        return Negated(question[:m.start()] + "有没有" + what + question[m.end():].lstrip("吧"), True)
    if m := NONE_DOUBTED_RE.search(question):
        return Negated(f"{question[:m.start()]}有没有{m.group('verb')}{m.group('obj')}{m.group('end') or '？'}", True)
    if m := RHETORICAL_RE.search(question):
        plain = question[:m.start()] + "是不是" + question[m.end():]
        return Negated(re.sub(r"吗([？?]?)$", r"\1", plain), False)
    return None


def turned_round(answer: Answer) -> Answer:
    """The yes or no to the guess that something did not happen: "对" where it did not."""
    if answer.verdict not in ("yes", "no"):
        return answer
    agrees = answer.verdict == "no"
    said = LEADING_VERDICT_RE.sub("", answer.answer, count=1)  # ("不是。…": said of the plain question)
    return replace(answer, verdict="yes" if agrees else "no", answer=("对。" if agrees else "不对。") + said)


LEADING_VERDICT_RE = re.compile(r"^(?:是|不是|有|没有|对|不对)[。，,]")
