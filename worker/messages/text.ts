import type { MessageKind } from '../../schema/index.ts';

/** Ticket statuses as a resident reads them in a text message. */
const ticketStatusWords: Record<string, string> = {
  submitted: '已重新提交，等待受理',
  accepted: '已受理',
  in_progress: '正在办理',
  resolved: '已办结，请确认结果',
  closed: '已关闭',
  rejected: '未能受理',
  duplicate: '已与相同问题合并办理',
};

const visitStatusWords: Record<string, string> = {
  info_needed: '需要补充信息',
  reviewed: '已通过审核',
  sent: '已转交服务单位',
  accepted: '服务单位已接单',
  scheduled: '时间已约定',
  visited: '已上门服务，请确认',
  confirmed: '已确认完成',
  closed: '已结束',
  rejected: '未能受理',
  cancelled: '已取消',
};

const wishOutcomeWords: Record<string, string> = {
  under_consideration: '正在研究',
  came_true: '已成真',
  in_plan: '已纳入改造方案',
  on_agenda: '已列入联席会议题',
  not_possible: '暂无法实现',
  merged: '已与相同心愿合并',
};

const p = (params: Record<string, string | number | null>, key: string) =>
  // Events carry their start as a number; everything else is words already.
  key === 'time' && params.time == null && typeof params.startsAt === 'number'
    ? shanghaiTime(params.startsAt)
    : String(params[key] ?? '');

/**
 * A message's Chinese text, in one place for every channel and the admin page. Short (a text
 * message is 70 characters a part), without names, phones or tracking links; the stop link last.
 * @example messageText('ticket_status', { number: 'YA-20261201-0003', status: 'resolved' }, 'https://linli.example/m/stop/abc')
 */
export function messageText(kind: MessageKind, params: Record<string, string | number | null>, stopLink: string) {
  const body = (() => {
    switch (kind) {
      case 'ticket_status':
        return `您的诉求 ${p(params, 'number')} ${ticketStatusWords[p(params, 'status')] ?? '有新进展'}。`;
      case 'staff_reply':
        return `工作人员回复了您的诉求 ${p(params, 'number')}。`;
      case 'visit_time':
        return p(params, 'status') === 'accepted'
          ? `您的上门服务 ${p(params, 'number')} 建议时间：${p(params, 'time')}，请在原链接确认。`
          : `您的上门服务 ${p(params, 'number')} 时间已约定：${p(params, 'time')}。`;
      case 'visit_status':
        return `您的上门服务 ${p(params, 'number')} ${visitStatusWords[p(params, 'status')] ?? '有新进展'}。`;
      case 'signup_promoted':
        return `您已从候补转为正式报名：${p(params, 'title')}，${p(params, 'time')}。`;
      case 'event_changed':
        return `活动有变动：${p(params, 'title')}，现为${p(params, 'time')}，${p(params, 'venue')}。`;
      case 'event_cancelled':
        return `活动已取消：${p(params, 'title')}（原定${p(params, 'time')}）。`;
      case 'wish_answered':
        return `您的小心愿有了答复：${wishOutcomeWords[p(params, 'outcome')] ?? '请查看'}。`;
    }
  })();
  return `【邻里】${body}查看原链接了解详情。退订：${stopLink}`;
}

/**
 * A time as residents read it in a message, Zhengzhou time: 12月3日 14:00.
 * @example shanghaiTime(Date.parse('2026-12-03T14:00:00+08:00')) // '12月3日 14:00'
 */
export function shanghaiTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const hm = d.toISOString().slice(11, 16);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`;
}

/** The stop link residents tap; `token` is replaced by `…` wherever staff read the text. */
export const stopLink = (origin: string, token: string) => `${origin.replace(/\/$/, '')}/m/stop/${token}`;
