/**
 * The few Persian words the zero-width non-joiner rules need: verb stems, adjectives and the words
 * that only look like a prefix or suffix was glued on. Small by design: a word missing here is a
 * missed issue, never a wrong one.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Present stems of common verbs (می‌کنم = می + کن + م). Two letters at least, so «میز» is never one. */
export const PRESENT_STEMS = words(`
  کن شو ده گیر رو آی گو گوی دان توان خواه بین یاب آور بر دار گذار گذر نویس خوان ساز پرداز رس
  مان کوش پذیر گرد نشین زن خور پوش فروش خر بند شکن کش ریز ترس خند دو پرس شناس فهم فرست افت
  انداز آموز اندیش بخش سوز جنگ چرخ لرز رقص پز دوز آفرین افزا افزای نما نمای گشا گشای ربا ربای
  آرا آرای گرا گرای رسان کاه خواب تاب باش خیز جو جوی شوی روی پوی ران چین گزین سنج کوب بار تاز
  سپار شمار آزما آزمای شکاف ورز لغز میر ایست گری گریز پز دوز نام خوابان چرخان لرزان پیما پیمای
  ساب بال پاش پیچ تپ تراش خراش دزد رنج سرا سرای شنو شتاب کوش گشای گمار گنج لیس مال نگر نواز
  نوش هراس یاز بخشای آشام افروز افشان انگیز پراکن پسند تراو جه جهان چسب خشک رهان رویان کار
`);

/** Past stems of the same verbs (می‌رفتم = می + رفت + م). */
export const PAST_STEMS = words(`
  کرد شد داد گرفت رفت آمد گفت دانست توانست خواست دید یافت آورد برد داشت گذاشت گذشت نوشت خواند
  ساخت پرداخت رسید ماند کوشید پذیرفت گشت نشست زد خورد پوشید فروخت خرید بست شکست کشید ریخت
  ترسید خندید دوید پرسید شناخت فهمید فرستاد افتاد انداخت آموخت اندیشید بخشید سوخت بود افزود نمود
  گشود ربود زیست کاست خوابید تابید خاست جست شست رساند رسانید گزید سنجید کوبید بارید تاخت سپرد
  شمرد آزمود ورزید بایست ایستاد گریست گریخت پخت دوخت نامید چرخید لرزید رقصید جنگید مرد شنید
  پیمود نگریست نواخت نوشید هراسید پسندید چسبید کاشت گمارد پاشید پیچید تراشید دزدید
`);

/** Present stems that take no ending after «می»: «می‌توان گفت». */
export const BARE_PRESENT = words('توان');

/** Personal endings after a present stem (none after a past stem stands for the third person). */
export const VERB_ENDINGS = ['', 'م', 'ی', 'د', 'یم', 'ید', 'ند'] as const;

/** Words that split as می + stem + ending but are (also) nouns or adjectives: «میدانی» (of the square). */
export const NOT_MI_VERBS = words('میدانی میدانیم نمیدانی');

/** Words that end in ها/های/هایی without being a plural: «تنها», «انتهای», «بهای». */
export const NOT_PLURAL = words(`
  تنها انتها اشتها ابتها منتها گرانبها پربها کمبها خونبها شیربها بیبها الها فقها سفها وجها
`);

/** Letters that do not join the next one: after them a glued «ها» looks the same as a separated one. */
export const NON_JOINING = new Set('اآأإٱدذرزژوؤةء');

/**
 * Adjectives whose comparative and superlative take «‌تر» / «‌ترین». Words such as «دختر», «دفتر»,
 * «بستر», «کبوتر», «انگشتر» end in تر without being one, which is why this is a list.
 */
export const ADJECTIVES = words(`
  بزرگ کوچک مهم سریع آسان ساده سخت دشوار زیبا زشت قشنگ خوب بد ارزان گران قوی ضعیف جدید تازه قدیمی
  کهنه کهن نو بلند کوتاه پایین بالا نزدیک دور دقیق روشن تاریک گرم سرد سنگین سبک کامل ناقص مناسب
  مفید موثر مؤثر کارآمد کارا جذاب سالم امن ایمن مطمئن راحت آرام تند کند پیچیده جالب عجیب غنی فقیر
  زود دیر عمیق وسیع گسترده محدود تلخ شیرین نرم زبر تیز دراز پهن باریک ضخیم نازک چاق لاغر پیر جوان
  مدرن آهسته ساکت شلوغ خلوت زیاد فراوان اندک جدی روان شفاف واضح منطقی علمی عملی رایج معمول متداول
  محبوب مشهور معروف حساس غمگین شاد خوشحال زنده داغ خنک خشک خیس تمیز کثیف پاک محکم سست استوار
  پایدار ناپایدار آگاه دانا باهوش مهربان شجاع دلپذیر خوشایند ناخوشایند ملایم شدید سفت قاطع اصلی
  اساسی مرتب منظم دقیق سبز سفید سیاه قرمز زرد آبی عمومی خصوصی رسمی خوش جامع
  فعال گویا دلنشین شیوا رسا مشخص ضروری لازم مهلک وحشی آزاد باز تنگ گشاد سالم بهینه
`);

/** Written joined by convention (the Academy's exceptions): بهتر، بیشتر، کمتر، مهتر، کهتر. */
export const JOINED_COMPARATIVES = words('به بیش کم مه که');

/** Adjective-making suffixes: «قدرتمند‌تر», «خطرناک‌ترین». */
export const ADJECTIVE_SUFFIX = /.{2,}(?:مند|ناک)$/;
