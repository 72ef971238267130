import { formatMoney } from '../format/format';

/** An amount from the API (a decimal string), as Australian dollars. */
export function Money({ amount }: { amount: string }) {
  return <span className="money">{formatMoney(amount)}</span>;
}
