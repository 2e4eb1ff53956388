import { toPersianDigits } from '@/lib/format';

/** +989123456789 → "+98 912 345 6789" (an Iranian mobile in E.164, as the API stores it); anything else as it is. */
export function groupPhone(phone: string): string {
  const iranian = /^\+98(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return iranian ? `+98 ${iranian[1]} ${iranian[2]} ${iranian[3]}` : phone;
}

/** A phone number in Persian digits, read left to right whatever the text around it (an LTR isolate). */
export function PhoneNumber({ phone, className }: { phone: string; className?: string }) {
  return (
    <bdi dir="ltr" className={className}>
      {toPersianDigits(groupPhone(phone))}
    </bdi>
  );
}
